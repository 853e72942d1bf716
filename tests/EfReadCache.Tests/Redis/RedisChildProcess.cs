using EfReadCache.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static EfReadCache.Tests.Redis.RedisTestHelpers;

namespace EfReadCache.Tests.Redis;

/// <summary>
///     The second process of <see cref="RedisSecondProcessTests" />: when started with <see cref="Variable" />, it reads
///     a blog's rating through its own cache (it must come from the shared Redis), then writes a new rating. In a normal
///     run (no variable) it checks that the parent-side helpers agree with the database instead.
/// </summary>
public sealed class RedisChildProcess(PostgresFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresFixture>
{
    public const string Variable = "EFREADCACHE_TEST_REDIS_CHILD";

    [Fact]
    public async Task Child_reads_through_the_shared_cache_and_writes()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } role)
        {
            var own = await NewBlogAsync(fixture, rating: 4);
            using var cache = CreateCache(fixture, RedisTestServer.Configuration, NewPrefix(), "child-self");
            Assert.Equal(4, await ReadRatingAsync(fixture, cache, own));
            return;
        }

        var parts = role.Split('\u001f');
        var (prefix, connectionString, name, expected, write) = (parts[0], parts[1], parts[2], int.Parse(parts[3]), int.Parse(parts[4]));
        using var child = CreateCache(fixture, RedisTestServer.Configuration, prefix, "child");
        await using (var context = fixture.CreateContext(child, connectionString))
        {
            Assert.Equal(expected, await context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync());
        }

        var hits = child.GetStatistics().Hits;
        Assert.Equal(1, hits);
        await using (var context = fixture.CreateContext(child, connectionString))
        {
            (await context.Blogs.SingleAsync(b => b.Name == name)).Rating = write;
            await context.SaveChangesAsync();
        }

        output.WriteLine($"child: read {expected} from the shared cache (hits={hits}), wrote {write}");
        Console.WriteLine($"child: read {expected} from the shared cache (hits={hits}), wrote {write}");
    }
}
