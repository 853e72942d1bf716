using System.Diagnostics;
using EfReadCache.Benchmarks.Infrastructure;
using EfReadCache.Benchmarks.Model;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>
///     Throughput of memory hits on one entry (scenario A, SQLite, new context per operation) with 1, 2 and 8 threads,
///     next to the floor (EF without the cache) and a pure-computation control that shows what the machine itself allows.
///     Each thread runs the synchronous EF path in a loop for a fixed time; the best of a few rounds counts.
/// </summary>
public static class ContentionHarness
{
    public static async Task RunAsync(Results results, TimeSpan duration, int rounds)
    {
        using var env = await BenchEnvironment.CreateAsync(Scenario.A_PostByKey);
        var variants = new (string Name, Func<long> Run, long Expected)[]
        {
            ("hit", () => Run(env.SqliteMemory), env.Expected),
            ("floor", () => Run(env.SqliteFloor), env.Expected),
            ("pg_hit", () => Run(env.PgMemory), env.Expected),
            ("pg_floor", () => Run(env.PgFloor), env.Expected),

            // The control: pure computation, no shared state. It shows how far this machine lets two threads scale.
            ("control", Spin, Spin()),
        };
        // Warm every variant first (tiered JIT), then interleave: each round measures every variant at 1, 2 and 8 threads.
        foreach (var (_, run, expected) in variants)
        {
            Measure(run, expected, 1, duration / 4);
        }

        var best = variants.ToDictionary(v => v.Name, _ => new Dictionary<int, double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run, expected) in variants)
            {
                foreach (var threads in new[] { 1, 2, 8 })
                {
                    best[name][threads] = Math.Max(best[name].GetValueOrDefault(threads), Measure(run, expected, threads, duration));
                }
            }
        }

        foreach (var (name, _, _) in variants)
        {
            var perThreads = best[name];
            var prefix = name == "hit" ? "contention" : $"contention.{name}";
            results.Set($"{prefix}.ops_per_s.1", Math.Round(perThreads[1]));
            results.Set($"{prefix}.ops_per_s.2", Math.Round(perThreads[2]));
            results.Set($"{prefix}.ops_per_s.8", Math.Round(perThreads[8]));
            results.Set($"{prefix}.ratio_2_vs_1", Math.Round(perThreads[2] / perThreads[1], 2));
            results.Set($"{prefix}.ratio_8_vs_2", Math.Round(perThreads[8] / perThreads[2], 2));
        }

        results.Set("contention.processors", Environment.ProcessorCount);
        results.Set("contention.load_average", File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null);
    }

    /// <summary>Runs one variant on several threads for a profiler (perf record) to sample.</summary>
    public static async Task LoopAsync(string variant, int threads, TimeSpan duration)
    {
        using var env = await BenchEnvironment.CreateAsync(Scenario.A_PostByKey);
        var options = variant switch
        {
            "sqlite-hit" => env.SqliteMemory,
            "sqlite-floor" => env.SqliteFloor,
            "pg-hit" => env.PgMemory,
            "pg-floor" => env.PgFloor,
            _ => throw new ArgumentException(variant),
        };
        var rate = Measure(() => Run(options), env.Expected, threads, duration);
        Console.WriteLine($"loop: {variant} on {threads} thread(s): {rate:F0} operations per second");
    }

    private static double Measure(Func<long> run, long expected, int threads, TimeSpan duration)
    {
        var counts = new long[threads];
        using var start = new Barrier(threads + 1);
        var stop = 0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            // Warm this thread, then wait for the others.
            for (var i = 0; i < 200; i++)
            {
                run();
            }

            start.SignalAndWait();
            long n = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                if (run() != expected)
                {
                    throw new InvalidOperationException("A contended run returned the wrong result.");
                }

                n++;
            }

            counts[t] = n;
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        Thread.Sleep(duration);
        Volatile.Write(ref stop, 1);
        workers.ForEach(w => w.Join());
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    private static long Run(Microsoft.EntityFrameworkCore.DbContextOptions<BlogContext> options)
    {
        using var context = new BlogContext(options);
        return Queries.Checksum(Queries.PostByKey(context, cacheable: true, Queries.PostId).FirstOrDefault());
    }

    private static long Spin()
    {
        ulong x = 88172645463325252UL;
        for (var i = 0; i < 20_000; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        return (long)(x & 0xFFFF);
    }
}
