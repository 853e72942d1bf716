using System.Diagnostics;
using System.Runtime.InteropServices;
using EfReadCache.Benchmarks.Infrastructure;
using EfReadCache.Benchmarks.Model;
using EfReadCache.Internal;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>
///     Paired measurements for the targets that compare two variants. The variants run interleaved, in short rounds,
///     in one process, so that a busy machine (other builds on the same two cores) slows them alike; each variant's best
///     round counts. Time is the thread's CPU time (CLOCK_THREAD_CPUTIME_ID) where both variants stay in-process (hit
///     and floor, invalidation); where one variant waits for the server (PostgreSQL uncached), wall time is compared.
/// </summary>
public static partial class PairedHarness
{
    private static readonly string[] Variants = ["sqlite-floor", "sqlite-hit", "pg-floor", "pg-hit", "pg-uncached"];

    public static async Task RunAsync(Results results, int rounds, TimeSpan roundTime)
    {
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            using var env = await BenchEnvironment.CreateAsync(scenario);
            var runs = new Dictionary<string, Func<Task>>
            {
                ["sqlite-floor"] = () => env.RunAsync(env.SqliteFloor, true),
                ["sqlite-hit"] = () => env.RunAsync(env.SqliteMemory, true),
                ["pg-floor"] = () => env.RunAsync(env.PgFloor, true),
                ["pg-hit"] = () => env.RunAsync(env.PgMemory, true),
                ["pg-uncached"] = () => env.RunAsync(env.PgUncached, false),
            };
            var best = await MeasureAsync(runs, rounds, roundTime);
            var name = scenario.ToString()[..1];
            foreach (var variant in Variants)
            {
                // An uncached PostgreSQL query continues on another thread after its I/O: only its wall time means anything.
                results.Set($"paired.{name}.{variant}.cpu_us", variant == "pg-uncached" ? null : Math.Round(best[variant].Cpu, 2));
                results.Set($"paired.{name}.{variant}.wall_us", Math.Round(best[variant].Wall, 2));
                results.Set($"paired.{name}.{variant}.alloc_b", best[variant].Bytes);
            }

            results.Set($"paired.{name}.sqlite_hit_vs_floor.cpu", Math.Round(best["sqlite-hit"].Cpu / best["sqlite-floor"].Cpu, 3));
            results.Set($"paired.{name}.sqlite_hit_vs_floor.alloc", Math.Round((double)best["sqlite-hit"].Bytes / best["sqlite-floor"].Bytes, 3));
            results.Set($"paired.{name}.pg_hit_vs_floor.cpu", Math.Round(best["pg-hit"].Cpu / best["pg-floor"].Cpu, 3));
            results.Set($"paired.{name}.pg_hit_vs_floor.alloc", Math.Round((double)best["pg-hit"].Bytes / best["pg-floor"].Bytes, 3));
            results.Set($"paired.{name}.pg_uncached_vs_hit.wall", Math.Round(best["pg-uncached"].Wall / best["pg-hit"].Wall, 2));
            results.Set($"paired.{name}.pg_uncached_vs_floor.wall", Math.Round(best["pg-uncached"].Wall / best["pg-floor"].Wall, 2));
        }
    }

    /// <summary>Invalidating one table with 10^3, 10^5 and 10^6 entries cached, interleaved; CPU time per invalidation.</summary>
    public static async Task RunInvalidationAsync(Results results, int[] sizes, int rounds, TimeSpan roundTime)
    {
        await BenchDatabases.EnsureAsync();
        var caches = new List<(int Size, ReadCache Cache, BlogContext Context)>();
        try
        {
            foreach (var size in sizes)
            {
                var cache = BenchEnvironment.NewCache(o =>
                {
                    o.MaxEntries = 2_000_000;
                    o.MaxBytes = 16L * 1024 * 1024 * 1024;
                });
                var context = new BlogContext(new DbContextOptionsBuilder<BlogContext>().UseSqlite(BenchDatabases.SqliteConnectionString).UseReadCache(cache).Options);
                await StoreFiller.FillAsync(cache, DatabaseIdentity.Of(context.Database.GetDbConnection()), size);
                caches.Add((size, cache, context));
            }

            var runs = caches.ToDictionary(c => c.Size.ToString(), c => (Func<Task>)(() => c.Context.InvalidateReadCacheAsync(["Posts"])));
            var best = await MeasureAsync(runs, rounds, roundTime);
            foreach (var (size, _, _) in caches)
            {
                results.Set($"paired.invalidation.{size}.cpu_us", Math.Round(best[size.ToString()].Cpu, 3));
                results.Set($"paired.invalidation.{size}.alloc_b", best[size.ToString()].Bytes);
            }

            var cpus = caches.Select(c => best[c.Size.ToString()].Cpu).ToList();
            results.Set("paired.invalidation.spread", Math.Round(cpus.Max() / cpus.Min(), 3));
        }
        finally
        {
            foreach (var (_, cache, context) in caches)
            {
                await context.DisposeAsync();
                cache.Dispose();
            }
        }
    }

    /// <summary>Runs one variant in a loop for a profiler (perf record) to sample.</summary>
    public static async Task LoopAsync(Scenario scenario, string variant, TimeSpan duration)
    {
        using var env = await BenchEnvironment.CreateAsync(scenario);
        var options = variant switch
        {
            "sqlite-floor" => env.SqliteFloor,
            "sqlite-hit" => env.SqliteMemory,
            "pg-floor" => env.PgFloor,
            "pg-hit" => env.PgMemory,
            _ => throw new ArgumentException(variant),
        };
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed < duration)
        {
            await env.RunAsync(options, true);
            n++;
        }

        Console.WriteLine($"loop: {n} operations, {watch.Elapsed.TotalMicroseconds / n:F1} us each (wall)");
    }

    private static async Task<Dictionary<string, (double Cpu, double Wall, long Bytes)>> MeasureAsync(
        Dictionary<string, Func<Task>> runs, int rounds, TimeSpan roundTime)
    {
        // Size each variant's round to about roundTime, from a first timed batch.
        var ops = new Dictionary<string, int>();
        foreach (var (name, run) in runs)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < 20; i++)
            {
                await run();
            }

            var each = Stopwatch.GetElapsedTime(start) / 20;
            ops[name] = (int)Math.Clamp(roundTime / each, 20, 200_000);
        }

        var best = runs.Keys.ToDictionary(k => k, _ => (Cpu: double.MaxValue, Wall: double.MaxValue, Bytes: long.MaxValue));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in runs)
            {
                var n = ops[name];
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var cpu = ThreadCpuNanoseconds();
                var wall = Stopwatch.GetTimestamp();
                for (var i = 0; i < n; i++)
                {
                    await run();
                }

                var wallUs = Stopwatch.GetElapsedTime(wall).TotalMicroseconds / n;
                var cpuUs = (ThreadCpuNanoseconds() - cpu) / 1000.0 / n;
                bytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / n;
                var current = best[name];
                best[name] = (Math.Min(current.Cpu, cpuUs), Math.Min(current.Wall, wallUs), Math.Min(current.Bytes, bytes));
            }
        }

        return best;
    }

    private static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var spec) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return spec.Seconds * 1_000_000_000L + spec.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec spec);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
