using System.Diagnostics;
using EfReadCache.Benchmarks.Infrastructure;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>
///     A fast side-by-side of hit and floor for profiling work (not part of the published results): the two variants
///     run interleaved in short rounds, so a noisy machine slows both alike; the minimum round counts.
/// </summary>
public static class QuickCompare
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
                    var start = Stopwatch.GetTimestamp();
                    for (var i = 0; i < opsPerRound; i++)
                    {
                        await run();
                    }

                    var time = Stopwatch.GetElapsedTime(start).TotalMicroseconds / opsPerRound;
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
}
