using EfReadCache.Migrations;
using EfReadCache.Tool.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EfReadCache.Tool.Worker;

/// <summary><c>migrate plan</c>, <c>migrate apply</c> and <c>migrate check</c>, run inside the application.</summary>
internal static class MigrateRunner
{
    public static async Task<CommandReport> RunAsync(
        WorkerRequest request, DbContextLocator locator, WorkerChannel channel, CancellationToken cancellationToken)
    {
        var report = new CommandReport { Command = request.Command };
        try
        {
            channel.Progress("Creating the DbContext");
            var candidate = locator.Select(request.Context);
            await using var created = locator.Create(candidate);
            report.Context = DatabaseProbe.Describe(created, request.Connection);
            var database = created.Context.Database;
            DatabaseProbe.EnsureSupported(created.Context);

            channel.Progress("Connecting to the database");
            await DatabaseProbe.EnsureReachableAsync(created.Context, cancellationToken).ConfigureAwait(false);

            if (request.Command == ToolCommand.Apply)
            {
                await ApplyAsync(request, report, database, channel, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                channel.Progress("Reading the schema and computing the plan");
                var plan = await database.PlanSchemaAsync(Options(request, channel, dryRun: true), cancellationToken).ConfigureAwait(false);
                report.Plan = PlanMapper.Map(plan);
                report.ExitCode = request.Command == ToolCommand.Check && plan.HasDrift ? ExitCodes.NotClean : ExitCodes.Success;
            }
        }
        catch (ToolException ex)
        {
            report.ExitCode = ex.ExitCode;
            report.Error = ErrorReport.From(ex);
        }
        catch (NotSupportedException ex)
        {
            report.ExitCode = ExitCodes.ProjectOrContext;
            report.Error = new ErrorReport
            {
                Message = "The schema migrator does not support this database: " + ex.Message,
                Hint = $"The migrator supports SQLite ({DatabaseProbe.SqliteProvider}) and PostgreSQL ({DatabaseProbe.NpgsqlProvider}).",
                Details = ex.ToString(),
            };
        }
        catch (SchemaMigrationException ex)
        {
            // Plan and check fail here when the model cannot be rendered or the lock is not obtained in time.
            report.ExitCode = ExitCodes.Failed;
            report.Error = new ErrorReport
            {
                Message = ex.Message,
                Hint = "Run with --verbose for the migrator's log.",
                Details = ex.ToString(),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            report.ExitCode = ExitCodes.Failed;
            report.Error = new ErrorReport
            {
                Message = "The command failed: " + ex.GetBaseException().Message,
                Hint = "Run with --verbose for details.",
                Details = ex.ToString(),
            };
        }

        return report;
    }

    /// <summary>Whether the migrator refused to apply because of blocked items (as opposed to an operation that failed).</summary>
    internal static bool IsRefusal(SchemaMigrationException exception)
        => exception.Plan is { Blocked.Count: > 0 } && exception.Operation is null && exception.InnerException is null
            && !exception.Message.Contains("converge", StringComparison.OrdinalIgnoreCase);

    private static async Task ApplyAsync(
        WorkerRequest request, CommandReport report, DatabaseFacade database, WorkerChannel channel, CancellationToken cancellationToken)
    {
        channel.Progress("Reading the schema and applying the plan");
        SchemaApplyResult result;
        try
        {
            result = await database.ApplySchemaAsync(Options(request, channel, dryRun: false), cancellationToken).ConfigureAwait(false);
        }
        catch (SchemaMigrationException ex) when (IsRefusal(ex))
        {
            var plan = ex.Plan!;
            report.Plan = PlanMapper.Map(plan);
            report.ExitCode = ExitCodes.NotClean;
            var needDataLoss = plan.Blocked.Any(b => b.RequiresDataLoss) && !request.AllowDataLoss;
            var needFixes = plan.Blocked.Any(b => !b.RequiresDataLoss);
            report.Error = new ErrorReport
            {
                Message = $"Nothing was applied: {plan.Blocked.Count} operation(s) are blocked (listed above).",
                Hint = (needDataLoss ? "Destructive operations run only with --allow-data-loss: review them, back up, and re-run with it. " : "")
                    + (needFixes ? "Blocked items that name data problems (orphans, NULLs, duplicates) need the data fixed first. " : "")
                    + "To apply everything else and leave them, use --skip-blocked.",
            };
            return;
        }
        catch (SchemaMigrationException ex)
        {
            report.Plan = ex.Plan is null ? null : PlanMapper.Map(ex.Plan);
            throw new ToolException(
                ExitCodes.Failed,
                "The migration failed: " + ex.Message,
                "Review the plan with 'dotnet readcache migrate plan', fix the cause, and run apply again.",
                ex.ToString(),
                ex);
        }

        report.Plan = PlanMapper.Map(result.Plan);
        report.Apply = PlanMapper.Map(result);
        report.ExitCode = result.Plan.Blocked.Count > 0 && !request.SkipBlocked ? ExitCodes.NotClean : ExitCodes.Success;
    }

    private static SchemaMigrationOptions Options(WorkerRequest request, WorkerChannel channel, bool dryRun)
    {
        var options = new SchemaMigrationOptions
        {
            AllowDataLoss = request.AllowDataLoss,
            SkipBlocked = request.SkipBlocked,
            DryRun = dryRun,
            Progress = new ChannelProgress(channel),
            Logger = request.Verbose ? new ChannelLogger(channel) : null,
        };
        if (request.LockTimeoutSeconds is { } seconds)
        {
            options.LockTimeout = TimeSpan.FromSeconds(seconds);
        }

        return options;
    }
}
