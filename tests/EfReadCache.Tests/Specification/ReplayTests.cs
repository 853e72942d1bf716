using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>Every query returns the same results uncached, on a miss and on a hit.</summary>
public abstract class ReplayTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_query_returns_the_same_results_uncached_on_a_miss_and_on_a_hit(bool async)
    {
        using var cache = Fixture.CreateCache();
        var failures = new List<string>();
        foreach (var (name, run) in QuerySuite.All(Fixture.IsPostgres))
        {
            string expected;
            await using (var plain = Fixture.CreateContext(null))
            {
                expected = ResultJson.Of(await run(plain, async));
            }

            var hitsBefore = cache.GetStatistics().Hits;
            string miss, hit;
            await using (var context = Fixture.CreateContext(cache))
            {
                miss = ResultJson.Of(await run(context, async));
            }

            await using (var context = Fixture.CreateContext(cache))
            {
                hit = ResultJson.Of(await run(context, async));
            }

            if (miss != expected)
            {
                failures.Add($"{name} (miss):\n  expected {expected}\n  actual   {miss}");
            }

            if (hit != expected)
            {
                failures.Add($"{name} (hit):\n  expected {expected}\n  actual   {hit}");
            }

            if (cache.GetStatistics().Hits <= hitsBefore)
            {
                failures.Add($"{name}: the second run was not answered from the cache ({cache.GetStatistics()}).");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_hit_does_not_reach_the_database()
    {
        using var cache = Fixture.CreateCache();
        var name = "hidden " + Guid.NewGuid().ToString("N")[..8];
        await using (var context = Fixture.CreateContext(null))
        {
            context.Blogs.Add(new Blog { Name = name, Rating = 1 });
            await context.SaveChangesAsync();
        }

        await using (var context = Fixture.CreateContext(cache))
        {
            Assert.Equal(1, context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).Single());
        }

        // Another program changes the row: the cache cannot know, so a hit still shows the old value.
        await Fixture.ExecuteRawAsync($"UPDATE \"Blogs\" SET \"Rating\" = 42 WHERE \"Name\" = '{name}'");
        await using (var context = Fixture.CreateContext(cache))
        {
            Assert.Equal(1, context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).Single());
            Assert.Equal(42, context.Blogs.Where(b => b.Name == name).Select(b => b.Rating).Single());
        }
    }
}
