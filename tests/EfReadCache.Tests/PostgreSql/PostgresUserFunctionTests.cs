using EfReadCache.Diagnostics;
using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.PostgreSql;

/// <summary>
///     A model function (HasDbFunction) may read any table, and PostgreSQL SQL names it like a built-in, so the cache
///     recognizes it from the model: queries calling it bypass unless they name their tables.
/// </summary>
public sealed class PostgresUserFunctionTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_query_calling_a_model_function_bypasses_unless_it_names_its_tables()
    {
        await fixture.ExecuteRawAsync(
            "CREATE OR REPLACE FUNCTION efrc_post_count(blog_id int) RETURNS bigint AS $$ SELECT COUNT(*) FROM \"Posts\" WHERE \"BlogId\" = blog_id $$ LANGUAGE sql STABLE");
        using var cache = fixture.CreateCache();
        var events = new EventRecorder(cache);
        async Task<long> Count(bool named)
        {
            await using var context = fixture.CreateContext(cache);
            var query = context.Blogs.Where(b => b.Name == "Blog 1").Select(b => TestContext.PostCountOf(b.Id)).Cacheable();
            return await (named ? query.CacheDependsOn("Blogs", "Posts") : query).SingleAsync();
        }

        Assert.Equal(4, await Count(named: false));
        Assert.Equal(4, await Count(named: false));
        Assert.Equal(2, events.Count(ReadCacheBypassReason.UnknownDependencies));

        Assert.Equal(4, await Count(named: true));
        Assert.Equal(4, await Count(named: true));
        Assert.Equal(1, cache.GetStatistics().Hits);
    }
}
