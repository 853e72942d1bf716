using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfReadCache.Tests.Unit;

public sealed class ReadCacheOptionsTests
{
    [Fact]
    public void Invalid_options_throw_at_configuration_time_naming_every_wrong_value_and_what_is_valid()
    {
        var builder = new DbContextOptionsBuilder<TestContext>().UseSqlite("Data Source=:memory:");
        var exception = Assert.Throws<ReadCacheConfigurationException>(() => builder.UseReadCache(o => o
            .DefaultExpiration(TimeSpan.Zero)
            .MaxEntries(0)
            .MaxBytes(10)
            .MaxRowsPerResult(-1)
            .KeyPrefix("bad prefix!")
            .PendingWriteLease(TimeSpan.FromMilliseconds(5))));
        Assert.Contains("DefaultExpiration is 00:00:00; it must be greater than zero and at most 365 days", exception.Message);
        Assert.Contains("MaxEntries is 0; it must be between 1 and 100,000,000", exception.Message);
        Assert.Contains("MaxBytes is 10; it must be between 1024", exception.Message);
        Assert.Contains("MaxRowsPerResult is -1", exception.Message);
        Assert.Contains("KeyPrefix is 'bad prefix!'", exception.Message);
        Assert.Contains("PendingWriteLease is 00:00:00.0050000", exception.Message);
    }

    [Fact]
    public void A_table_both_included_and_excluded_is_rejected()
    {
        var exception = Assert.Throws<ReadCacheConfigurationException>(
            () => new ServiceCollection().AddEfReadCache(o => o.CacheAllQueries(include: ["Blogs"], exclude: ["blogs"])));
        Assert.Contains("both included and excluded", exception.Message);
    }

    [Fact]
    public void Cacheable_rejects_a_time_to_live_out_of_range()
    {
        using var context = new TestContext(new DbContextOptionsBuilder<TestContext>().UseSqlite("Data Source=:memory:").Options);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => context.Blogs.Cacheable(TimeSpan.FromSeconds(-1)));
        Assert.Contains("greater than zero and at most 365 days", exception.Message);
    }

    [Fact]
    public void UseReadCache_without_a_relational_provider_says_what_to_do()
    {
        var options = new DbContextOptionsBuilder<TestContext>().UseReadCache().Options;
        var exception = Assert.ThrowsAny<InvalidOperationException>(() =>
        {
            using var context = new TestContext(options);
            return context.Model;
        });
        Assert.Contains("UseSqlite", exception.Message + exception.InnerException?.Message);
    }

    [Fact]
    public void AddEfReadCache_registers_one_cache_for_the_application()
    {
        using var provider = new ServiceCollection().AddEfReadCache(o => o.MaxEntries(77).DefaultExpiration(TimeSpan.FromMinutes(1), sliding: true)).BuildServiceProvider();
        var cache = provider.GetRequiredService<ReadCache>();
        Assert.Same(cache, provider.GetRequiredService<ReadCache>());
        Assert.Equal(77, cache.Options.MaxEntries);
        Assert.True(cache.Options.SlidingExpiration);
    }

    [Fact]
    public void Policy_preview_normalizes_schema_and_case()
    {
        var options = new ReadCacheOptions { CacheAllQueries = true };
        options.IncludedTables.Add("public.Blogs");
        Assert.True(options.IsCachedByPolicy("BLOGS"));
        Assert.False(options.IsCachedByPolicy("Posts"));
        Assert.False(new ReadCacheOptions().IsCachedByPolicy("Blogs"));
    }
}
