using EfReadCache.Diagnostics;
using EfReadCache.Tests.Infrastructure;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Specification;

/// <summary>
///     Every kind of write evicts exactly the entries that depend on the tables it touched. Each test caches a query,
///     changes data, and checks the next read is fresh; queries on untouched tables must still hit.
/// </summary>
public abstract class InvalidationTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..10];

    private async Task<int> NewBlogAsync(string name, int posts = 0, int commentsPerPost = 0)
    {
        await using var context = Fixture.CreateContext(null);
        var blog = new Blog { Name = name, Rating = 5 };
        for (var i = 0; i < posts; i++)
        {
            var post = new Post { Title = name + " post " + i, PublishedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
            for (var c = 0; c < commentsPerPost; c++)
            {
                post.Comments.Add(new Comment { Text = name + " comment " + c });
            }

            blog.Posts.Add(post);
        }

        context.Blogs.Add(blog);
        await context.SaveChangesAsync();
        return blog.Id;
    }

    private async Task<T> ReadAsync<T>(ReadCache cache, Func<TestContext, Task<T>> query)
    {
        await using var context = Fixture.CreateContext(cache);
        return await query(context);
    }

    private static Task<int> RatingOf(TestContext context, string name)
        => context.Blogs.Where(b => b.Name == name).Cacheable().Select(b => b.Rating).SingleAsync();

    private static Task<int> TagCount(TestContext context) => context.Tags.Cacheable().CountAsync();

    [Fact]
    public async Task SaveChanges_modify_evicts_the_table_and_leaves_other_tables_cached()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("modify");
        await NewBlogAsync(name);
        Assert.Equal(5, await ReadAsync(cache, c => RatingOf(c, name)));
        var tags = await ReadAsync(cache, TagCount);

        await using (var context = Fixture.CreateContext(cache))
        {
            (await context.Blogs.SingleAsync(b => b.Name == name)).Rating = 9;
            await context.SaveChangesAsync();
        }

        var before = cache.GetStatistics();
        Assert.Equal(9, await ReadAsync(cache, c => RatingOf(c, name)));
        Assert.Equal(tags, await ReadAsync(cache, TagCount));
        var after = cache.GetStatistics();
        Assert.Equal(1, after.Misses - before.Misses); // the blog query
        Assert.Equal(1, after.Hits - before.Hits); // the untouched Tags query
    }

    [Fact]
    public async Task SaveChanges_add_and_delete_evict()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("add");
        Func<TestContext, Task<int>> count = c => c.Blogs.Where(b => b.Name == name).Cacheable().CountAsync();
        Assert.Equal(0, await ReadAsync(cache, count));
        await using (var context = Fixture.CreateContext(cache))
        {
            context.Blogs.Add(new Blog { Name = name });
            await context.SaveChangesAsync();
        }

        Assert.Equal(1, await ReadAsync(cache, count));
        await using (var context = Fixture.CreateContext(cache))
        {
            context.Blogs.Remove(await context.Blogs.SingleAsync(b => b.Name == name));
            await context.SaveChangesAsync();
        }

        Assert.Equal(0, await ReadAsync(cache, count));
    }

    [Fact]
    public async Task SaveChanges_of_an_owned_type_evicts_its_owner_table()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("owned");
        await NewBlogAsync(name);
        Func<TestContext, Task<string?>> city = c => c.Blogs.Where(b => b.Name == name).Cacheable().Select(b => (string?)b.Owner!.City).SingleAsync();
        Assert.Null(await ReadAsync(cache, city));
        await using (var context = Fixture.CreateContext(cache))
        {
            (await context.Blogs.SingleAsync(b => b.Name == name)).Owner = new Address { Street = "1 Road", City = "Paris" };
            await context.SaveChangesAsync();
        }

        Assert.Equal("Paris", await ReadAsync(cache, city));
    }

    [Fact]
    public async Task SaveChanges_of_a_json_column_evicts()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("json");
        await NewBlogAsync(name, posts: 1);
        Func<TestContext, Task<int>> words = c => c.Posts.Where(p => p.Blog.Name == name).Cacheable().Select(p => p.Metadata.WordCount).SingleAsync();
        Assert.Equal(0, await ReadAsync(cache, words));
        await using (var context = Fixture.CreateContext(cache))
        {
            (await context.Posts.SingleAsync(p => p.Blog.Name == name)).Metadata.WordCount = 77;
            await context.SaveChangesAsync();
        }

        Assert.Equal(77, await ReadAsync(cache, words));
    }

    [Fact]
    public async Task Many_to_many_join_table_writes_evict_queries_that_join_it()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("m2m");
        await NewBlogAsync(name, posts: 1);
        Func<TestContext, Task<int>> tagCount = c => c.Posts.Where(p => p.Blog.Name == name).Cacheable().Select(p => p.Tags.Count).SingleAsync();
        Assert.Equal(0, await ReadAsync(cache, tagCount));
        await using (var context = Fixture.CreateContext(cache))
        {
            var post = await context.Posts.SingleAsync(p => p.Blog.Name == name);
            post.Tags.Add(await context.Tags.OrderBy(t => t.Id).FirstAsync());
            await context.SaveChangesAsync();
        }

        Assert.Equal(1, await ReadAsync(cache, tagCount));
    }

    [Fact]
    public async Task Inheritance_tph_tpt_and_tpc_writes_evict()
    {
        using var cache = Fixture.CreateCache();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Func<TestContext, Task<int>> dogs = c => c.Animals.OfType<Dog>().Cacheable().CountAsync();
        Func<TestContext, Task<int>> vehicles = c => c.Vehicles.Cacheable().CountAsync();
        Func<TestContext, Task<int>> cars = c => c.Set<Car>().Cacheable().CountAsync();
        Func<TestContext, Task<int>> payments = c => c.Payments.Cacheable().CountAsync();
        var (d, v, car, p) = (await ReadAsync(cache, dogs), await ReadAsync(cache, vehicles), await ReadAsync(cache, cars), await ReadAsync(cache, payments));
        await using (var context = Fixture.CreateContext(cache))
        {
            context.Animals.Add(new Dog { Name = "dog " + suffix });
            context.Vehicles.Add(new Car { Make = "car " + suffix, Seats = 2 });
            context.Payments.Add(new CashPayment { Id = Random.Shared.Next(1000, int.MaxValue), Amount = 1, Currency = "USD" });
            await context.SaveChangesAsync();
        }

        Assert.Equal(d + 1, await ReadAsync(cache, dogs));
        Assert.Equal(v + 1, await ReadAsync(cache, vehicles));
        Assert.Equal(car + 1, await ReadAsync(cache, cars));
        Assert.Equal(p + 1, await ReadAsync(cache, payments));
    }

    [Fact]
    public async Task Deleting_a_principal_evicts_tables_reached_by_database_cascades_transitively()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("cascade");
        var blogId = await NewBlogAsync(name, posts: 2, commentsPerPost: 2);
        Func<TestContext, Task<int>> comments = c => c.Comments.Where(x => x.Text.StartsWith(name)).Cacheable().CountAsync();
        Func<TestContext, Task<int>> posts = c => c.Posts.Where(x => x.Title.StartsWith(name)).Cacheable().CountAsync();
        Assert.Equal(4, await ReadAsync(cache, comments));
        Assert.Equal(2, await ReadAsync(cache, posts));

        // The database cascades the delete: EF never loads the posts or comments.
        await using (var context = Fixture.CreateContext(cache))
        {
            await context.Database.ExecuteSqlAsync($"DELETE FROM \"Blogs\" WHERE \"Id\" = {blogId}");
        }

        Assert.Equal(0, await ReadAsync(cache, comments));
        Assert.Equal(0, await ReadAsync(cache, posts));
    }

    [Fact]
    public async Task ExecuteUpdate_and_ExecuteDelete_evict()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("bulk");
        await NewBlogAsync(name);
        Assert.Equal(5, await ReadAsync(cache, c => RatingOf(c, name)));
        await using (var context = Fixture.CreateContext(cache))
        {
            await context.Blogs.Where(b => b.Name == name).ExecuteUpdateAsync(s => s.SetProperty(b => b.Rating, 6));
        }

        Assert.Equal(6, await ReadAsync(cache, c => RatingOf(c, name)));
        Func<TestContext, Task<int>> count = c => c.Blogs.Where(b => b.Name == name).Cacheable().CountAsync();
        Assert.Equal(1, await ReadAsync(cache, count));
        await using (var context = Fixture.CreateContext(cache))
        {
            context.Blogs.Where(b => b.Name == name).ExecuteDelete();
        }

        Assert.Equal(0, await ReadAsync(cache, count));
    }

    [Fact]
    public async Task Raw_sql_writes_evict()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("raw");
        await NewBlogAsync(name);
        Assert.Equal(5, await ReadAsync(cache, c => RatingOf(c, name)));
        await using (var context = Fixture.CreateContext(cache))
        {
            await context.Database.ExecuteSqlRawAsync("UPDATE \"Blogs\" SET \"Rating\" = 11 WHERE \"Name\" = {0}", name);
        }

        Assert.Equal(11, await ReadAsync(cache, c => RatingOf(c, name)));
        await using (var context = Fixture.CreateContext(cache))
        {
            context.Database.ExecuteSql($"UPDATE \"Blogs\" SET \"Rating\" = 12 WHERE \"Name\" = {name}");
        }

        Assert.Equal(12, await ReadAsync(cache, c => RatingOf(c, name)));
    }

    [Fact]
    public async Task Insert_returning_read_through_a_reader_evicts()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("returning");
        Func<TestContext, Task<int>> count = c => c.Blogs.Where(b => b.Name == name).Cacheable().CountAsync();
        Assert.Equal(0, await ReadAsync(cache, count));
        await using (var context = Fixture.CreateContext(cache))
        {
            var ids = await context.Database
                .SqlQueryRaw<int>("INSERT INTO \"Blogs\" (\"Name\", \"Rating\") VALUES ({0}, 1) RETURNING \"Id\" AS \"Value\"", name)
                .ToListAsync();
            Assert.Single(ids);
        }

        Assert.Equal(1, await ReadAsync(cache, count));
    }

    [Fact]
    public async Task Ddl_evicts_the_table_it_changes()
    {
        using var cache = Fixture.CreateCache();
        var table = "ddl_" + Guid.NewGuid().ToString("N")[..8];
        await Fixture.ExecuteRawAsync($"CREATE TABLE {table} (id INTEGER PRIMARY KEY, v INTEGER)");
        await Fixture.ExecuteRawAsync($"INSERT INTO {table} (id, v) VALUES (1, 10)");
        Func<TestContext, Task<List<int>>> read = c => c.Database.SqlQueryRaw<int>($"SELECT v AS \"Value\" FROM {table}").Cacheable().ToListAsync();
        Assert.Equal([10], await ReadAsync(cache, read));
        await using (var context = Fixture.CreateContext(cache))
        {
            await context.Database.ExecuteSqlRawAsync($"DELETE FROM {table}");
            await context.Database.ExecuteSqlRawAsync($"INSERT INTO {table} (id, v) VALUES (2, 20)");
        }

        Assert.Equal([20], await ReadAsync(cache, read));
        await using (var context = Fixture.CreateContext(cache))
        {
            await context.Database.ExecuteSqlRawAsync($"DROP TABLE {table}");
            await context.Database.ExecuteSqlRawAsync($"CREATE TABLE {table} (id INTEGER PRIMARY KEY, v INTEGER)");
        }

        Assert.Empty(await ReadAsync(cache, read));
    }

    [Fact]
    public async Task Manual_invalidation_of_tables_and_of_everything()
    {
        using var cache = Fixture.CreateCache();
        var name = Unique("manual");
        await NewBlogAsync(name);
        Assert.Equal(5, await ReadAsync(cache, c => RatingOf(c, name)));
        var tags = await ReadAsync(cache, TagCount);
        await Fixture.ExecuteRawAsync($"UPDATE \"Blogs\" SET \"Rating\" = 8 WHERE \"Name\" = '{name}'");
        Assert.Equal(5, await ReadAsync(cache, c => RatingOf(c, name))); // another program wrote: still cached

        await using (var context = Fixture.CreateContext(cache))
        {
            await context.InvalidateReadCacheAsync(["public.Blogs"]);
        }

        var before = cache.GetStatistics();
        Assert.Equal(8, await ReadAsync(cache, c => RatingOf(c, name)));
        Assert.Equal(tags, await ReadAsync(cache, TagCount));
        Assert.Equal(1, cache.GetStatistics().Hits - before.Hits);

        await cache.InvalidateAllAsync();
        before = cache.GetStatistics();
        Assert.Equal(tags, await ReadAsync(cache, TagCount));
        Assert.Equal(0, cache.GetStatistics().Hits - before.Hits);
    }

    [Fact]
    public async Task Writes_raise_invalidate_events_with_their_tables()
    {
        using var cache = Fixture.CreateCache();
        var events = new EventRecorder(cache);
        var name = Unique("events");
        await using (var context = Fixture.CreateContext(cache))
        {
            context.Blogs.Add(new Blog { Name = name });
            await context.SaveChangesAsync();
        }

        var invalidated = events.Events.Where(e => e.Kind == ReadCacheEventKind.Invalidate).SelectMany(e => e.Tables).ToHashSet();
        Assert.Contains("blogs", invalidated);
        Assert.Contains("posts", invalidated); // reached by ON DELETE CASCADE from Blogs
        Assert.Contains("comments", invalidated); // and from Posts, transitively
        Assert.DoesNotContain("tags", invalidated);
    }
}
