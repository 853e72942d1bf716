using System.Diagnostics;
using EfReadCache.Benchmarks.Infrastructure;
using EfReadCache.Benchmarks.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>
///     The migrator on a 50-table model: plan and apply on an empty database, then plan and apply on the converged
///     database (nothing to do), timed (median) and with the number of SQL statements sent to the server counted.
/// </summary>
/// <remarks>
///     PostgreSQL statements are counted by listening to Npgsql's ActivitySource (every command of the process,
///     including the scratch schema the desired side is rendered into). SQLite statements are counted with
///     sqlite3_trace on the live connection only; the desired side runs in a private in-memory database.
/// </remarks>
public static class MigratorHarness
{
    public static async Task RunAsync(Results results, int repetitions)
    {
        await RunProviderAsync(results, "sqlite", repetitions);
        await RunProviderAsync(results, "pg", repetitions);
    }

    private static async Task RunProviderAsync(Results results, string provider, int repetitions)
    {
        var pgDatabase = "efrc_bench_migrator_" + BenchDatabases.RunId;
        var sqlitePath = Path.Combine(BenchDatabases.Directory, "wide.db");
        Directory.CreateDirectory(BenchDatabases.Directory);
        if (provider == "pg")
        {
            await BenchDatabases.DropPostgresDatabaseAsync(pgDatabase);
            await BenchDatabases.EnsurePostgresDatabaseAsync(pgDatabase);
        }
        else
        {
            SqliteConnection.ClearAllPools();
            File.Delete(sqlitePath);
        }

        var options = provider == "pg"
            ? new DbContextOptionsBuilder<WideContext>().UseNpgsql(BenchDatabases.PostgresDatabase(pgDatabase)).Options
            : new DbContextOptionsBuilder<WideContext>().UseSqlite($"Data Source={sqlitePath};Pooling=False").Options;

        var (emptyPlanTime, emptyPlanQueries, emptyPlan) = await MeasureAsync(options, provider, apply: false);
        var (firstApplyTime, firstApplyQueries, _) = await MeasureAsync(options, provider, apply: true);
        if (emptyPlan.Operations.Count == 0)
        {
            throw new InvalidOperationException($"{provider}: the plan of an empty database has no operations.");
        }

        var planTimes = new List<double>();
        var applyTimes = new List<double>();
        long planQueries = 0, applyQueries = 0;
        for (var i = 0; i < repetitions; i++)
        {
            var (planTime, pq, plan) = await MeasureAsync(options, provider, apply: false);
            if (!plan.IsEmpty)
            {
                throw new InvalidOperationException($"{provider}: the converged database still plans:\n{plan}");
            }

            var (applyTime, aq, _) = await MeasureAsync(options, provider, apply: true);
            planTimes.Add(planTime);
            applyTimes.Add(applyTime);
            planQueries = pq;
            applyQueries = aq;
        }

        results.Set($"migrator.{provider}.tables", 50);
        results.Set($"migrator.{provider}.empty.operations", emptyPlan.Operations.Count);
        results.Set($"migrator.{provider}.empty.plan_ms", Math.Round(emptyPlanTime, 1));
        results.Set($"migrator.{provider}.empty.plan_queries", emptyPlanQueries);
        results.Set($"migrator.{provider}.empty.apply_ms", Math.Round(firstApplyTime, 1));
        results.Set($"migrator.{provider}.empty.apply_queries", firstApplyQueries);
        results.Set($"migrator.{provider}.converged.plan_ms", Math.Round(Median(planTimes), 1));
        results.Set($"migrator.{provider}.converged.plan_queries", planQueries);
        results.Set($"migrator.{provider}.converged.apply_ms", Math.Round(Median(applyTimes), 1));
        results.Set($"migrator.{provider}.converged.apply_queries", applyQueries);

        if (provider == "pg")
        {
            await BenchDatabases.DropPostgresDatabaseAsync(pgDatabase);
        }
    }

    private static async Task<(double Milliseconds, long Queries, EfReadCache.Migrations.SchemaPlan Plan)> MeasureAsync(
        DbContextOptions<WideContext> options, string provider, bool apply)
    {
        await using var context = new WideContext(options);
        _ = context.Model; // build the model outside the timing
        using var counter = provider == "pg" ? StatementCounter.ForNpgsql() : StatementCounter.ForSqlite(context);
        var watch = Stopwatch.StartNew();
        var plan = apply ? (await context.Database.ApplySchemaAsync()).Plan : await context.Database.PlanSchemaAsync();
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, counter.Count, plan);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[values.Count / 2];
    }
}
