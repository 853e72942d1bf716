using System.Diagnostics;
using System.Runtime.InteropServices;
using EfReadCache.Benchmarks.Infrastructure;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>
///     A fast side-by-side of hit and floor for profiling work (not part of the published results): the two variants
///     run interleaved in short rounds, so a noisy machine slows both alike; the minimum round counts. Time is the
///     thread's CPU time (CLOCK_THREAD_CPUTIME_ID), which other processes on a loaded machine inflate far less than
///     wall time.
/// </summary>
public static partial class QuickCompare
{
    public static async Task RunAsync(int rounds, int opsPerRound)
    {
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            using var env = await BenchEnvironment.CreateAsync(scenario);
            var variants = new (string Name, Func<Task> Run)[]
            {
                ("sqlite-floor", () => env.RunAsync(env.SqliteFloor, true)),
                ("sqlite-hit", () => env.RunAsync(env.SqliteMemory, true)),
                ("pg-floor", () => env.RunAsync(env.PgFloor, true)),
                ("pg-hit", () => env.RunAsync(env.PgMemory, true)),
            };
            var best = variants.ToDictionary(v => v.Name, _ => (Time: double.MaxValue, Bytes: long.MaxValue));
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, run) in variants)
                {
                    var bytes = GC.GetAllocatedBytesForCurrentThread();
                    var start = ThreadCpuNanoseconds();
                    for (var i = 0; i < opsPerRound; i++)
                    {
                        await run();
                    }

                    var time = (ThreadCpuNanoseconds() - start) / 1000.0 / opsPerRound;
                    bytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / opsPerRound;
                    best[name] = (Math.Min(best[name].Time, time), Math.Min(best[name].Bytes, bytes));
                }
            }

            Console.WriteLine(
                $"{scenario,-20} sqlite floor {best["sqlite-floor"].Time,8:F1} us {best["sqlite-floor"].Bytes,8} B | hit {best["sqlite-hit"].Time,8:F1} us {best["sqlite-hit"].Bytes,8} B"
                + $" | x{best["sqlite-hit"].Time / best["sqlite-floor"].Time:F2} time x{(double)best["sqlite-hit"].Bytes / best["sqlite-floor"].Bytes:F2} alloc"
                + $" || pg x{best["pg-hit"].Time / best["pg-floor"].Time:F2} time x{(double)best["pg-hit"].Bytes / best["pg-floor"].Bytes:F2} alloc");
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

    private static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var spec) != 0)
        {
            return Stopwatch.GetTimestamp() * (1_000_000_000L / Stopwatch.Frequency);
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
