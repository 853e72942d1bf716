using System.Data.Common;
using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Desired;
using EfReadCache.Migrations.Internal.Diff;
using EfReadCache.Migrations.Internal.Introspection;
using EfReadCache.Migrations.Internal.Locking;
using EfReadCache.Migrations.Internal.Model;
using EfReadCache.Migrations.Internal.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace EfReadCache.Migrations.Internal;

/// <summary>
///     The pipeline: lock, introspect, desired, diff, check, plan, apply, verify, invalidate. Every step after the lock
///     runs in one transaction; anything that fails rolls it back.
/// </summary>
internal sealed class SchemaMigrator
{
    private readonly DatabaseFacade _database;
    private readonly DbContext _context;
    private readonly SchemaMigrationOptions _options;
    private readonly SchemaDialect _dialect;
    private readonly List<string> _messages = [];

    public SchemaMigrator(DatabaseFacade database, SchemaMigrationOptions? options)
    {
        _database = database;
        _context = ((IDatabaseFacadeDependenciesAccessor)database).Context;
        _options = options ?? new SchemaMigrationOptions();
        _dialect = DetectDialect(database);
    }

    public async Task<SchemaApplyResult> RunAsync(bool apply, CancellationToken cancellationToken)
    {
        if (_database.CurrentTransaction is not null)
        {
            throw new SchemaMigrationException("The context has an open transaction. Run the schema migrator outside of any transaction; it uses its own.");
        }

        var source = ModelSchemaSource.From(_context);
        var writing = apply && !_options.DryRun;
        await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = _database.GetDbConnection();
            // SQLite statements are local: their only waits are for locks (busy retries), bounded by the lock timeout.
            // PostgreSQL: the context's command timeout, or none (an ALTER of a large table may take long); lock waits
            // are bounded by lock_timeout.
            var timeout = _dialect == SchemaDialect.Sqlite
                ? Math.Max(1, (int)Math.Ceiling(_options.LockTimeout.TotalSeconds))
                : _database.GetCommandTimeout() ?? 0;
            var session = new MigrationSession(connection, _dialect, timeout);
            IMigrationLock migrationLock = _dialect == SchemaDialect.Sqlite ? new SqliteMigrationLock() : new PostgresMigrationLock();
            Report("lock", writing ? "taking the migration lock" : "opening a read transaction");
            await migrationLock.BeginAsync(session, writing, source.Schema, _options.LockTimeout, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> changedTables = [];
            SchemaPlan plan;
            try
            {
                Report("desired", "rendering the model into a scratch schema");
                var desired = await DesiredSchemaBuilder.BuildAsync(session, source, cancellationToken).ConfigureAwait(false);
                plan = await PlanAsync(session, source, desired, cancellationToken).ConfigureAwait(false);
                if (!writing || plan.Operations.Count == 0)
                {
                    if (apply && plan.Blocked.Count > 0 && !_options.DryRun && !_options.SkipBlocked)
                    {
                        throw BlockedException(plan);
                    }

                    Report("done", plan.Operations.Count == 0 ? "nothing to apply" : apply ? "dry run: nothing applied" : "planned; nothing applied");
                    SkippedMessages(plan);
                    return new SchemaApplyResult(plan, false, [], _messages);
                }

                if (plan.Blocked.Count > 0 && !_options.SkipBlocked)
                {
                    throw BlockedException(plan);
                }

                changedTables = await ApplyAsync(session, plan, source.Schema, cancellationToken).ConfigureAwait(false);
                await VerifyAsync(session, source, desired, changedTables, cancellationToken).ConfigureAwait(false);
                await migrationLock.CommitAsync(session, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await migrationLock.EndAsync(session).ConfigureAwait(false);
            }

            Report("invalidate", $"invalidating cached results for {changedTables.Count} table(s)");
            await _context.InvalidateReadCacheAsync(changedTables, cancellationToken).ConfigureAwait(false);
            SkippedMessages(plan);
            Report("done", $"applied {plan.Operations.Count} operation(s)");
            return new SchemaApplyResult(plan, true, changedTables, _messages);
        }
        finally
        {
            await _database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task<SchemaPlan> PlanAsync(MigrationSession session, ModelSchemaSource source, DatabaseSnapshot desired, CancellationToken cancellationToken)
    {
        Report("introspect", "reading the live schema");
        ISchemaReader reader = _dialect == SchemaDialect.Sqlite ? SqliteSchemaReader.Instance : PostgresSchemaReader.Instance;
        var live = await reader.ReadAsync(session, source.Schema, cancellationToken).ConfigureAwait(false);
        Report("diff", "comparing the live schema with the model");
        var diff = new SchemaDiffer(new SchemaComparer(_dialect), source.Renames, source.ExcludedTables).Diff(live, desired);
        Report("check", "checking the data before risky operations");
        SchemaPlanner planner = _dialect == SchemaDialect.Sqlite
            ? new SqlitePlanner(session, _options, live, diff)
            : new PostgresPlanner(session, _options, live, diff);
        var plan = await planner.PlanAsync(_database.ProviderName ?? _dialect.ToString(), cancellationToken).ConfigureAwait(false);
        foreach (var warning in plan.Warnings)
        {
            _options.Logger?.LogWarning("Schema plan: {Warning}", warning);
        }

        return plan;
    }

    private async Task<IReadOnlyList<string>> ApplyAsync(MigrationSession session, SchemaPlan plan, string? schema, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        for (var i = 0; i < plan.Operations.Count; i++)
        {
            var operation = plan.Operations[i];
            Report("apply", $"{i + 1}/{plan.Operations.Count} {operation}");
            foreach (var statement in operation.Sql)
            {
                try
                {
                    _options.Logger?.LogInformation("Schema apply: {Sql}", statement);
                    await session.ExecuteAsync(statement, cancellationToken).ConfigureAwait(false);
                }
                catch (DbException exception)
                {
                    throw new SchemaMigrationException(
                        $"Operation {i + 1} ({operation.Kind} {operation.Table}{(operation.Column is null ? "" : "." + operation.Column)}: {operation.Description}) failed: "
                        + $"{exception.Message}\nStatement: {statement}\nNothing was applied: the transaction was rolled back.",
                        plan,
                        operation,
                        exception);
                }
            }

            foreach (var (countSql, message) in operation.Checks)
            {
                var failed = await session.ScalarLongAsync(countSql, cancellationToken).ConfigureAwait(false);
                if (failed > 0)
                {
                    throw new SchemaMigrationException(
                        $"Operation {i + 1} ({operation.Kind} {operation.Table}: {operation.Description}) failed: {failed} {message}\n"
                        + "Nothing was applied: the transaction was rolled back.",
                        plan,
                        operation);
                }
            }

            if (operation.FixedRows is { } rows)
            {
                _messages.Add($"{operation.Kind} {operation.Table}: {rows} row(s) fixed ({operation.Description}).");
            }

            var table = schema is null ? operation.Table : schema + "." + operation.Table;
            if (operation.Kind != SchemaOperationKinds.CreateSchema && !changed.Contains(table, StringComparer.OrdinalIgnoreCase))
            {
                changed.Add(table);
            }
        }

        return changed;
    }

    private async Task VerifyAsync(
        MigrationSession session, ModelSchemaSource source, DatabaseSnapshot desired, IReadOnlyList<string> changedTables, CancellationToken cancellationToken)
    {
        if (_dialect == SchemaDialect.Sqlite)
        {
            foreach (var table in changedTables)
            {
                if (await session.ScalarLongAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @t", cancellationToken, ("@t", table))
                        .ConfigureAwait(false) == 0)
                {
                    continue;
                }

                var violations = await session.QueryAsync(
                    $"SELECT \"table\", rowid, parent FROM pragma_foreign_key_check({Sql.Literal(table)})", cancellationToken).ConfigureAwait(false);
                if (violations.Count > 0)
                {
                    throw new SchemaMigrationException(
                        $"PRAGMA foreign_key_check found {violations.Count} row(s) of {table} that reference a missing {violations[0][2]} row (first rowid {violations[0][1]}). "
                        + "Nothing was applied: the transaction was rolled back.");
                }
            }
        }

        Report("verify", "reading the schema again: the plan must now be empty");
        var again = await PlanAsync(session, source, desired, cancellationToken).ConfigureAwait(false);
        if (again.Operations.Count > 0)
        {
            throw new SchemaMigrationException(
                "The schema did not converge: after applying, the plan still has operations. Nothing was applied: the transaction was rolled back. Remaining:\n"
                + again,
                again);
        }
    }

    private void SkippedMessages(SchemaPlan plan)
    {
        foreach (var blocked in plan.Blocked)
        {
            _messages.Add("Skipped (blocked): " + blocked);
        }
    }

    private static SchemaMigrationException BlockedException(SchemaPlan plan)
    {
        var lines = plan.Blocked.Select(b => "  - " + b);
        var hint = plan.Blocked.Any(b => b.RequiresDataLoss)
            ? "Set AllowDataLoss (--allow-data-loss) to allow the drops and narrowings. "
            : "";
        return new SchemaMigrationException(
            $"The schema plan has {plan.Blocked.Count} blocked item(s); nothing was applied.\n{string.Join("\n", lines)}\n"
            + hint + "Fix the data where a reason says so, or set SkipBlocked (--skip-blocked) to apply everything else.",
            plan);
    }

    private void Report(string step, string message)
    {
        _options.Progress?.Report(new SchemaMigrationProgress(step, message));
        _options.Logger?.LogDebug("Schema migration [{Step}] {Message}", step, message);
    }

    private static SchemaDialect DetectDialect(DatabaseFacade database)
    {
        var provider = database.ProviderName ?? "";
        if (provider.Contains("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return SchemaDialect.Sqlite;
        }

        if (provider.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) || provider.Contains("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return SchemaDialect.PostgreSql;
        }

        throw new NotSupportedException($"The schema migrator supports SQLite and PostgreSQL; this context uses {provider}.");
    }
}
