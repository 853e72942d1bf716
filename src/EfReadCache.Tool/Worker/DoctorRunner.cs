using EfReadCache.Migrations;
using EfReadCache.Storage;
using EfReadCache.Tool.Protocol;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tool.Worker;

/// <summary>The checks of <c>doctor</c> that run inside the application: context, provider, database, schema, cache, Redis.</summary>
internal static class DoctorRunner
{
    public const string ContextCheck = "dbcontext";
    public const string ProviderCheck = "provider";
    public const string DatabaseCheck = "database";
    public const string SchemaCheck = "schema";
    public const string CacheCheck = "cache";
    public const string RedisCheck = "redis";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

    public static async Task<CommandReport> RunAsync(
        WorkerRequest request, DbContextLocator locator, WorkerChannel channel, CancellationToken cancellationToken)
    {
        var report = new CommandReport { Command = request.Command, Checks = [] };
        var checks = report.Checks;
        void Skip(params string[] names)
        {
            foreach (var name in names)
            {
                checks.Add(DoctorCheck.Create(name, DoctorCheck.Skip, "Not checked: an earlier check failed."));
            }
        }

        channel.Progress("Creating the DbContext");
        CreatedContext created;
        try
        {
            created = locator.Create(locator.Select(request.Context));
            report.Context = DatabaseProbe.Describe(created, request.Connection);
        }
        catch (ToolException ex)
        {
            checks.Add(DoctorCheck.Create(ContextCheck, DoctorCheck.Fail, ex.Message, ex.Hint));
            Skip(ProviderCheck, DatabaseCheck, SchemaCheck);
            if (ex.InnerException is ReadCacheConfigurationException invalid)
            {
                // UseReadCache(...) validates its options while the context is configured.
                checks.Add(DoctorCheck.Create(CacheCheck, DoctorCheck.Fail, invalid.Message, "Fix the options passed to UseReadCache(...)."));
                Skip(RedisCheck);
            }
            else
            {
                Skip(CacheCheck, RedisCheck);
            }

            return Finish(report);
        }

        await using (created.ConfigureAwait(false))
        {
            var context = created.Context;
            checks.Add(DoctorCheck.Create(ContextCheck, DoctorCheck.Pass, $"Created {report.Context.Name} through {created.CreatedBy}."));

            var provider = report.Context.Provider;
            var relational = context.Database.IsRelational();
            checks.Add(
                DatabaseProbe.IsSupported(provider)
                    ? DoctorCheck.Create(ProviderCheck, DoctorCheck.Pass, DatabaseProbe.DisplayName(provider) + " is supported.")
                    : relational
                        ? DoctorCheck.Create(
                            ProviderCheck, DoctorCheck.Warn,
                            $"{provider} is not supported by the schema migrator; the migrate commands will refuse to run.",
                            $"The migrator supports SQLite ({DatabaseProbe.SqliteProvider}) and PostgreSQL ({DatabaseProbe.NpgsqlProvider}).")
                        : DoctorCheck.Create(
                            ProviderCheck, DoctorCheck.Fail,
                            $"{provider} is not a relational provider; EfReadCache works with relational providers only.",
                            "Use a relational provider such as SQLite or PostgreSQL."));

            var reachable = false;
            if (relational)
            {
                channel.Progress("Connecting to the database");
                try
                {
                    await DatabaseProbe.EnsureReachableAsync(context, cancellationToken).ConfigureAwait(false);
                    reachable = true;
                    checks.Add(DoctorCheck.Create(DatabaseCheck, DoctorCheck.Pass, $"Connected to {report.Context.Database}."));
                }
                catch (ToolException ex)
                {
                    checks.Add(DoctorCheck.Create(DatabaseCheck, DoctorCheck.Fail, ex.Message, ex.Hint));
                }
            }
            else
            {
                Skip(DatabaseCheck);
            }

            if (reachable && DatabaseProbe.IsSupported(provider))
            {
                channel.Progress("Comparing the schema with the model");
                checks.Add(await CheckSchemaAsync(context, request, channel, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                checks.Add(DoctorCheck.Create(
                    SchemaCheck, DoctorCheck.Skip,
                    reachable ? "Not checked: the migrator does not support this provider." : "Not checked: the database cannot be reached."));
            }

            var cacheOptions = CheckCache(context, checks);
            channel.Progress("Checking the cache store");
            checks.Add(await CheckStoreAsync(cacheOptions, cancellationToken).ConfigureAwait(false));
        }

        return Finish(report);
    }

    private static CommandReport Finish(CommandReport report)
    {
        report.ExitCode = report.Checks!.Any(c => c.Status == DoctorCheck.Fail) ? ExitCodes.NotClean : ExitCodes.Success;
        return report;
    }

    private static async Task<DoctorCheck> CheckSchemaAsync(
        DbContext context, WorkerRequest request, WorkerChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await context.Database.PlanSchemaAsync(
                    new SchemaMigrationOptions
                    {
                        DryRun = true,
                        Progress = new ChannelProgress(channel),
                        Logger = request.Verbose ? new ChannelLogger(channel) : null,
                    },
                    cancellationToken)
                .ConfigureAwait(false);
            var unmanaged = plan.Unmanaged.Count == 0
                ? ""
                : $" {plan.Unmanaged.Count} object(s) are not managed by the migrator: "
                  + string.Join(", ", plan.Unmanaged.Take(5).Select(u => $"{u.Kind} {u.Name}")) + (plan.Unmanaged.Count > 5 ? ", ..." : "") + ".";
            if (!plan.HasDrift)
            {
                return DoctorCheck.Create(SchemaCheck, DoctorCheck.Pass, "The database schema matches the model." + unmanaged);
            }

            var pending = string.Join("; ", plan.Operations.Take(5).Select(o => o.Description))
                + (plan.Operations.Count > 5 ? $"; and {plan.Operations.Count - 5} more" : "");
            var blocked = plan.Blocked.Count == 0
                ? ""
                : $" {plan.Blocked.Count} operation(s) are blocked: " + string.Join("; ", plan.Blocked.Take(3).Select(b => $"{b.Kind} {b.Table}: {b.Reason.TrimEnd('.')}")) + ".";
            return DoctorCheck.Create(
                SchemaCheck,
                DoctorCheck.Warn,
                $"The database schema differs from the model: {plan.Operations.Count} pending operation(s)"
                + (pending.Length > 0 ? ": " + pending : "") + "." + blocked + unmanaged,
                plan.Blocked.Count > 0 || plan.LosesData
                    ? "Review with 'dotnet readcache migrate plan'; destructive operations need 'migrate apply --allow-data-loss'."
                    : "Review with 'dotnet readcache migrate plan', then run 'dotnet readcache migrate apply'.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return DoctorCheck.Create(
                SchemaCheck, DoctorCheck.Fail,
                "The schema could not be compared with the model: " + ex.GetBaseException().Message,
                "Run 'dotnet readcache migrate plan --verbose' for details.");
        }
    }

    internal static ReadCacheOptions? CheckCache(DbContext context, List<DoctorCheck> checks)
    {
        ReadCache? cache;
        try
        {
            cache = context.GetReadCache();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            checks.Add(DoctorCheck.Create(
                CacheCheck, DoctorCheck.Fail, "The cache configuration could not be read: " + ex.GetBaseException().Message,
                "Check the UseReadCache(...) call where the context is configured."));
            return null;
        }

        if (cache is null)
        {
            checks.Add(DoctorCheck.Create(
                CacheCheck, DoctorCheck.Warn,
                $"{context.GetType().Name} is not configured with UseReadCache(): no query will be cached.",
                "Call optionsBuilder.UseReadCache() where the context is configured (AddDbContext, OnConfiguring or the design-time factory)."));
            return null;
        }

        var options = cache.Options;
        try
        {
            options.Validate();
        }
        catch (ReadCacheConfigurationException ex)
        {
            checks.Add(DoctorCheck.Create(CacheCheck, DoctorCheck.Fail, ex.Message, "Fix the options passed to UseReadCache(...)."));
            return options;
        }

        var tables = ModelTables(context);
        string message;
        if (!options.CacheAllQueries)
        {
            message = $"The cache configuration is valid. CacheAllQueries is off: only queries marked Cacheable() are cached ({tables.Count} model tables).";
        }
        else
        {
            var cached = tables.Where(options.IsCachedByPolicy).ToList();
            var notCached = tables.Except(cached).ToList();
            message = "The cache configuration is valid. Cached by the CacheAllQueries policy: "
                + (cached.Count == 0 ? "none" : string.Join(", ", cached)) + "."
                + (notCached.Count == 0 ? "" : " Not cached by the policy: " + string.Join(", ", notCached) + ".");
        }

        checks.Add(DoctorCheck.Create(CacheCheck, DoctorCheck.Pass, message));
        return options;
    }

    private static List<string> ModelTables(DbContext context)
        => context.Model.GetEntityTypes()
            .Select(e => e.GetTableName() is { } table ? (e.GetSchema() is { } schema ? schema + "." + table : table) : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    internal static async Task<DoctorCheck> CheckStoreAsync(ReadCacheOptions? options, CancellationToken cancellationToken)
    {
        var factory = options?.StoreFactory;
        if (factory is null)
        {
            return DoctorCheck.Create(
                RedisCheck, DoctorCheck.Pass,
                options is null ? "No cache is configured, so no Redis either." : "No Redis store is configured: the in-memory store is used.");
        }

        if (factory is not IReadCacheStoreProbe probe)
        {
            return DoctorCheck.Create(
                RedisCheck, DoctorCheck.Pass, $"The store {factory.GetType().Name} is configured; it cannot be probed.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe.ProbeAsync(timeout.Token).ConfigureAwait(false);
            return DoctorCheck.Create(RedisCheck, DoctorCheck.Pass, $"The store {factory.GetType().Name} is reachable.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            return DoctorCheck.Create(
                RedisCheck, DoctorCheck.Fail,
                $"The store {factory.GetType().Name} is not reachable: "
                + (ex is OperationCanceledException ? $"no answer within {ProbeTimeout.TotalSeconds:0} seconds." : ex.GetBaseException().Message),
                "Check that Redis is running and that its connection string (host, port, password) is right. "
                + "While it is down, queries go to the database (fail-open).");
        }
    }
}
