using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EfReadCache.Benchmarks.Benchmarks;
using EfReadCache.Benchmarks.Harness;
using EfReadCache.Benchmarks.Infrastructure;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace EfReadCache.Benchmarks;

/// <summary>
///     The benchmark suite. Usage (build/bench.sh calls it):
///     <c>--smoke</c>: run every benchmark body a few times, check the results and the cache's hits, run the extra
///     harnesses at a tiny size and a BenchmarkDotNet dry job; exits non-zero on any failure.
///     <c>--results DIR</c>: where reports go (default ./results). <c>--only queries|invalidation|extras</c>: one part.
///     Other arguments go to BenchmarkDotNet (for example <c>--filter *Scenario*</c>).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var list = args.ToList();
        var smoke = Take(list, "--smoke");
        var resultsDir = Path.GetFullPath(TakeValue(list, "--results") ?? "results");
        var only = TakeValue(list, "--only");

        Directory.CreateDirectory(resultsDir);
        try
        {
            if (TakeValue(list, "--loop-threads") is { } threaded)
            {
                var parts = threaded.Split(':');
                await ContentionHarness.LoopAsync(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
                return 0;
            }

            if (TakeValue(list, "--loop") is { } loop)
            {
                var parts = loop.Split(':');
                await PairedHarness.LoopAsync(Enum.Parse<Scenario>(parts[0]), parts[1], TimeSpan.FromSeconds(double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
                return 0;
            }

            if (Take(list, "--paired"))
            {
                var paired = new Results();
                await PairedHarness.RunAsync(paired, rounds: 5, TimeSpan.FromMilliseconds(60));
                return 0;
            }

            return smoke ? await SmokeAsync(resultsDir) : await FullAsync(resultsDir, only, list.ToArray());
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine("bench: FAILED: " + exception);
            return 1;
        }
        finally
        {
            try
            {
                await BenchDatabases.CleanupAsync();
            }
            catch (Exception exception)
            {
                Console.Error.WriteLine("bench: could not drop this run's databases: " + exception.Message);
            }
        }
    }

    private static async Task<int> FullAsync(string resultsDir, string? only, string[] bdnArgs)
    {
        var config = Config(resultsDir, Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8)
            .WithIterationTime(TimeInterval.FromMilliseconds(200)));
        var failed = false;
        if (only is null or "queries")
        {
            var summary = BenchmarkRunner.Run<QueryBenchmarks>(config, bdnArgs);
            SummaryJson.Write(summary, Path.Combine(resultsDir, "queries.json"));
            failed |= HasErrors(summary);
        }

        if (only is null or "invalidation")
        {
            var summary = BenchmarkRunner.Run<InvalidationBenchmarks>(config, bdnArgs);
            SummaryJson.Write(summary, Path.Combine(resultsDir, "invalidation.json"));
            failed |= HasErrors(summary);
        }

        var extras = only is null or "extras";
        var results = new Results();
        if (extras || only == "paired")
        {
            await PairedHarness.RunAsync(results, rounds: 9, TimeSpan.FromMilliseconds(100));
            await PairedHarness.RunInvalidationAsync(results, [1_000, 100_000, 1_000_000], rounds: 9, TimeSpan.FromMilliseconds(50));
        }

        if (extras || only == "contention")
        {
            await ContentionHarness.RunAsync(results, TimeSpan.FromSeconds(2), rounds: 2);
        }

        if (extras || only == "memory")
        {
            await MemoryHarness.RunAsync(results, quick: false);
        }

        if (extras || only == "migrator")
        {
            await MigratorHarness.RunAsync(results, repetitions: 5);
        }

        if (only is null or "extras" or "paired" or "contention" or "memory" or "migrator")
        {
            results.Write(Path.Combine(resultsDir, only is null or "extras" ? "extras.json" : $"extras-{only}.json"));
        }

        return failed ? 1 : 0;
    }

    private static async Task<int> SmokeAsync(string resultsDir)
    {
        var watch = Stopwatch.StartNew();
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            using var env = await BenchEnvironment.CreateAsync(scenario); // checks every variant against uncached SQLite
            var benchmarks = new QueryBenchmarks { Scenario = scenario };
            benchmarks.Setup();
            foreach (var method in typeof(QueryBenchmarks).GetMethods().Where(m => m.IsDefined(typeof(BenchmarkAttribute), false)))
            {
                for (var i = 0; i < 3; i++)
                {
                    var task = (Task)method.Invoke(benchmarks, null)!;
                    await task;
                }
            }

            await env.VerifyAsync();
            benchmarks.Cleanup();
            Console.WriteLine($"smoke: {scenario} ok ({env.SqliteFloorInterceptor.Commands} command(s), checksum {env.Expected})");
        }

        var invalidation = new InvalidationBenchmarks { Entries = 1000 };
        invalidation.Setup();
        await invalidation.InvalidatePosts();
        invalidation.Cleanup();

        var results = new Results();
        await PairedHarness.RunAsync(results, rounds: 1, TimeSpan.FromMilliseconds(5));
        await PairedHarness.RunInvalidationAsync(results, [1_000, 2_000], rounds: 1, TimeSpan.FromMilliseconds(5));
        await ContentionHarness.RunAsync(results, TimeSpan.FromMilliseconds(200), rounds: 1);
        await MemoryHarness.RunAsync(results, quick: true);
        await MigratorHarness.RunAsync(results, repetitions: 1);
        results.Write(Path.Combine(resultsDir, "extras.json"));

        // BenchmarkDotNet itself: one dry case, in process.
        var config = Config(Path.Combine(resultsDir, "smoke-bdn"), Job.Dry.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<QueryBenchmarks>(config, ["--filter", "*Sqlite_MemoryHit*"]);
        SummaryJson.Write(summary, Path.Combine(resultsDir, "queries.json"));
        if (HasErrors(summary) || summary.Reports.Length == 0)
        {
            Console.Error.WriteLine("smoke: the BenchmarkDotNet dry run failed");
            return 1;
        }

        Console.WriteLine($"smoke: all ok in {watch.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static IConfig Config(string resultsDir, Job job)
        => ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddExporter(new CsvExporter(
                CsvSeparator.Comma,
                new SummaryStyle(System.Globalization.CultureInfo.InvariantCulture, printUnitsInHeader: true, SizeUnit.B, TimeUnit.Microsecond, printUnitsInContent: false)))
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(resultsDir)
            .WithOptions(ConfigOptions.DisableLogFile);

    private static bool HasErrors(Summary summary) => summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success);

    private static bool Take(List<string> args, string flag) => args.Remove(flag);

    private static string? TakeValue(List<string> args, string flag)
    {
        var index = args.IndexOf(flag);
        if (index < 0 || index + 1 >= args.Count)
        {
            return null;
        }

        var value = args[index + 1];
        args.RemoveRange(index, 2);
        return value;
    }
}
