using EfReadCache.Internal;
using EfReadCache.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EfReadCache.Tests.PostgreSql;

/// <summary>
///     Concurrent identical misses run once. Executions are counted at the server: the query reads a view that calls
///     nextval(), so every execution advances the sequence.
/// </summary>
public sealed class PostgresSingleFlightTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private async Task<string> CreateCountedViewAsync(string body)
    {
        var name = "sf_" + Guid.NewGuid().ToString("N")[..10];
        await fixture.ExecuteRawAsync($"CREATE SEQUENCE {name}_seq; CREATE VIEW {name} AS {body.Replace("$seq", name + "_seq")}");
        return name;
    }

    private async Task<long> ExecutionsAsync(string view)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {view}_seq", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sixty_four_concurrent_identical_queries_execute_once(bool async)
    {
        using var cache = fixture.CreateCache();
        var view = await CreateCountedViewAsync("SELECT nextval('$seq') AS \"Value\" FROM (SELECT pg_sleep(0.3)) AS s");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var all = Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref started) == 64)
            {
                gate.SetResult();
            }

            await gate.Task;
            await using var context = fixture.CreateContext(cache);
            var query = context.Database.SqlQueryRaw<long>($"SELECT \"Value\" FROM {view}").Cacheable();
            return async ? await query.ToListAsync() : query.ToList();
        })).ToArray();

        var results = await Task.WhenAll(all);
        Assert.Equal(1, await ExecutionsAsync(view));
        Assert.All(results, r => Assert.Equal([1L], r));
        var stats = cache.GetStatistics();
        Assert.Equal(1, stats.Misses);
        Assert.Equal(63, stats.CoalescedMisses + stats.Hits);
    }

    [Fact]
    public async Task A_failure_reaches_every_waiter_and_is_not_cached()
    {
        using var cache = fixture.CreateCache();
        var view = await CreateCountedViewAsync("SELECT 1 / (nextval('$seq') * 0) AS \"Value\" FROM (SELECT pg_sleep(0.3)) AS s");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var all = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref started) == 16)
            {
                gate.SetResult();
            }

            await gate.Task;
            await using var context = fixture.CreateContext(cache);
            return await Record.ExceptionAsync(() => context.Database.SqlQueryRaw<long>($"SELECT \"Value\" FROM {view}").Cacheable().ToListAsync());
        })).ToArray();

        var errors = await Task.WhenAll(all);
        Assert.All(errors, e => Assert.IsType<PostgresException>(e));
        Assert.Equal(1, await ExecutionsAsync(view));

        await using var again = fixture.CreateContext(cache);
        await Assert.ThrowsAsync<PostgresException>(() => again.Database.SqlQueryRaw<long>($"SELECT \"Value\" FROM {view}").Cacheable().ToListAsync());
        Assert.Equal(2, await ExecutionsAsync(view)); // the failure was not cached
    }

    [Fact]
    public async Task A_cancelled_leader_does_not_cancel_its_followers()
    {
        using var cache = fixture.CreateCache();
        var view = await CreateCountedViewAsync("SELECT nextval('$seq') AS \"Value\"");
        var leaderHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = true;
        cache.TestHooks = new ReadCacheTestHooks
        {
            BeforeQuery = async (_, token) =>
            {
                if (first)
                {
                    first = false;
                    leaderHeld.SetResult();
                    await release.Task.WaitAsync(token);
                }
            },
        };

        using var leaderCancellation = new CancellationTokenSource();
        var leader = Task.Run(async () =>
        {
            await using var context = fixture.CreateContext(cache);
            return await context.Database.SqlQueryRaw<long>($"SELECT \"Value\" FROM {view}").Cacheable().ToListAsync(leaderCancellation.Token);
        });
        await leaderHeld.Task;
        var followers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var context = fixture.CreateContext(cache);
            return await context.Database.SqlQueryRaw<long>($"SELECT \"Value\" FROM {view}").Cacheable().ToListAsync();
        })).ToArray();

        while (cache.GetStatistics().CoalescedMisses < 4)
        {
            await Task.Yield();
        }

        await leaderCancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leader);
        var results = await Task.WhenAll(followers);
        Assert.All(results, r => Assert.Equal([1L], r));
        Assert.Equal(1, await ExecutionsAsync(view));
    }
}
