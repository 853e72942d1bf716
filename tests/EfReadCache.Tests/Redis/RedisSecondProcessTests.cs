using System.Diagnostics;
using EfReadCache.Tests.Infrastructure;
using Xunit.Abstractions;
using static EfReadCache.Tests.Redis.RedisTestHelpers;

namespace EfReadCache.Tests.Redis;

/// <summary>
///     Two processes, one Redis, one PostgreSQL database. The test starts a second test host (this assembly, filtered
///     to <see cref="RedisChildProcess" />) that reads through its own cache and writes; the first process then reads
///     through a cache whose L1 held the old value.
/// </summary>
public sealed class RedisSecondProcessTests(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_write_in_another_process_is_seen_by_the_next_read_in_this_one()
    {
        var prefix = NewPrefix();
        using var cache = CreateCache(fixture, RedisTestServer.Configuration, prefix, "parent");
        var name = await NewBlogAsync(fixture);
        Assert.Equal(5, await ReadRatingAsync(fixture, cache, name));
        Assert.Equal(5, ReadRating(fixture, cache, name)); // this process's L1 holds 5
        Assert.Equal(1, cache.GetStatistics().Hits);

        var child = await RunChildAsync(prefix, name, expected: 5, write: 6);
        Assert.True(child.ExitCode == 0, "the child process failed:\n" + child.Output);
        Assert.Contains("child: read 5 from the shared cache (hits=1), wrote 6", child.Output);

        Assert.Equal(6, ReadRating(fixture, cache, name));
        Assert.Equal(6, await ReadRatingAsync(fixture, cache, name));
        Assert.Equal(2, cache.GetStatistics().Hits);
    }

    private async Task<(int ExitCode, string Output)> RunChildAsync(string prefix, string name, int expected, int write)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "test", typeof(RedisSecondProcessTests).Assembly.Location, "--filter",
                     "FullyQualifiedName~" + typeof(RedisChildProcess).FullName, "--logger", "console;verbosity=detailed",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[RedisChildProcess.Variable] = string.Join('\u001f', prefix, fixture.ConnectionString, name, expected, write);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var text = await stdout + await stderr;
        output.WriteLine(text);
        return (process.ExitCode, text);
    }
}
