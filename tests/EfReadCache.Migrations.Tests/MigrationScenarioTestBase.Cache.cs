using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    [Fact]
    public async Task Apply_invalidates_the_read_cache_for_every_changed_table()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string?>("Subtitle");
        }

        await using var context = Db.Context(Model, o => o.UseReadCache());
        var cache = context.GetReadCache();
        Assert.NotNull(cache);
        var invalidated = new List<string>();
        void OnInvalidate(object? sender, EfReadCache.Diagnostics.ReadCacheEventArgs e)
        {
            lock (invalidated)
            {
                invalidated.AddRange(e.Tables);
            }
        }

        cache!.Events.Invalidate += OnInvalidate;
        try
        {
            var result = await context.Database.ApplySchemaAsync();
            Assert.True(result.Applied);
            Assert.Equal(["Posts"], result.ChangedTables);
        }
        finally
        {
            cache.Events.Invalidate -= OnInvalidate;
        }

        lock (invalidated)
        {
            Assert.Contains(invalidated, t => t.Contains("posts", StringComparison.OrdinalIgnoreCase));
        }
    }
}
