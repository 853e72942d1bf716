using EfReadCache.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>Two databases, and two parameter values, never share an entry.</summary>
public abstract class KeyTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Two_databases_never_share_an_entry()
    {
        using var cache = Fixture.CreateCache();
        var sibling = await Fixture.CreateSiblingDatabaseAsync();
        await Fixture.ExecuteRawAsync("UPDATE \"Blogs\" SET \"Rating\" = 1000 WHERE \"Name\" = 'Blog 1'", sibling);

        int Read(string? connectionString)
        {
            using var context = Fixture.CreateContext(cache, connectionString);
            return context.Blogs.Where(b => b.Name == "Blog 1").Cacheable().Select(b => b.Rating).Single();
        }

        var first = Read(null);
        Assert.Equal(1000, Read(sibling));
        Assert.Equal(first, Read(null));
        Assert.Equal(1000, Read(sibling));
        var stats = cache.GetStatistics();
        Assert.Equal(2, stats.Misses);
        Assert.Equal(2, stats.Hits);
    }

    [Fact]
    public async Task Two_parameter_values_never_share_an_entry()
    {
        using var cache = Fixture.CreateCache();
        async Task<string> TitleOf(int likes)
        {
            await using var context = Fixture.CreateContext(cache);
            return await context.Posts.Where(p => p.Likes == likes).Cacheable().Select(p => p.Title).SingleAsync();
        }

        Assert.Equal("Post 1.1", await TitleOf(11));
        Assert.Equal("Post 1.2", await TitleOf(12));
        Assert.Equal("Post 1.1", await TitleOf(11));
        Assert.Equal("Post 1.2", await TitleOf(12));
        var stats = cache.GetStatistics();
        Assert.Equal(2, stats.Misses);
        Assert.Equal(2, stats.Hits);
    }

    [Fact]
    public async Task Equal_options_share_one_cache_instance_across_contexts()
    {
        var prefix = "shared" + Guid.NewGuid().ToString("N")[..8];
        ReadCache CacheOf()
        {
            var builder = new DbContextOptionsBuilder<Model.TestContext>();
            Fixture.UseProvider(builder, Fixture.ConnectionString);
            builder.UseReadCache(o => o.KeyPrefix(prefix).MaxEntries(123));
            using var context = new Model.TestContext(builder.Options);
            return context.GetReadCache()!;
        }

        var first = CacheOf();
        Assert.Same(first, CacheOf());
        Assert.Equal(123, first.Options.MaxEntries);
        await using var plain = Fixture.CreateContext(null);
        Assert.Null(plain.GetReadCache());
    }
}
