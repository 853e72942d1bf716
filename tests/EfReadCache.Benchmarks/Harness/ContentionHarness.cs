using System.Diagnostics;
using EfReadCache.Benchmarks.Infrastructure;
using EfReadCache.Benchmarks.Model;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>
///     Throughput of memory hits on one entry (scenario A, SQLite, new context per operation) with 1, 2 and 8 threads.
///     Each thread runs the synchronous EF path in a loop for a fixed time; the best of a few rounds counts.
/// </summary>
public static class ContentionHarness
{
    public static async Task RunAsync(Results results, TimeSpan duration, int rounds)
    {
        using var env = await BenchEnvironment.CreateAsync(Scenario.A_PostByKey);
        var perThreads = new Dictionary<int, double>();
        foreach (var threads in new[] { 1, 2, 8, 1, 2, 8 }.Take(rounds * 3))
        {
            var opsPerSecond = Measure(env, threads, duration);
            perThreads[threads] = Math.Max(perThreads.GetValueOrDefault(threads), opsPerSecond);
        }

        results.Set("contention.ops_per_s.1", Math.Round(perThreads[1]));
        results.Set("contention.ops_per_s.2", Math.Round(perThreads[2]));
        results.Set("contention.ops_per_s.8", Math.Round(perThreads[8]));
        results.Set("contention.ratio_2_vs_1", Math.Round(perThreads[2] / perThreads[1], 2));
        results.Set("contention.ratio_8_vs_2", Math.Round(perThreads[8] / perThreads[2], 2));
        results.Set("contention.processors", Environment.ProcessorCount);
    }

    private static double Measure(BenchEnvironment env, int threads, TimeSpan duration)
    {
        var counts = new long[threads];
        using var start = new Barrier(threads + 1);
        var stop = 0;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            // Warm this thread, then wait for the others.
            for (var i = 0; i < 200; i++)
            {
                Run(env);
            }

            start.SignalAndWait();
            long n = 0;
            while (Volatile.Read(ref stop) == 0)
            {
                if (Run(env) != env.Expected)
                {
                    throw new InvalidOperationException("A contended hit returned the wrong data.");
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

    private static long Run(BenchEnvironment env)
    {
        using var context = new BlogContext(env.SqliteMemory);
        return Queries.Checksum(Queries.PostByKey(context, cacheable: true, Queries.PostId).FirstOrDefault());
    }
}
