using EfReadCache.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Infrastructure;

/// <summary>The scenario queries. Each returns a checksum of what it read, so every variant can be checked against the others.</summary>
public static class Queries
{
    public const int PostId = 1234;
    public const int BlogId = 42;

    public static async Task<long> RunAsync(BlogContext context, Scenario scenario, bool cacheable, int? id = null)
        => scenario switch
        {
            Scenario.A_PostByKey => Checksum((object?)await PostByKey(context, cacheable, id ?? PostId).FirstOrDefaultAsync()),
            Scenario.B_BlogPostsInclude => Checksum(await BlogPosts(context, cacheable, id ?? BlogId).ToListAsync()),
            Scenario.C_1000Posts => Checksum(await ThousandPosts(context, cacheable).ToListAsync()),
            Scenario.D_Count => await CountPosts(context, cacheable, id ?? BlogId).CountAsync(),
            Scenario.E_SplitQuery => Checksum(await SplitQuery(context, cacheable, id ?? BlogId).ToListAsync()),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

    /// <summary>The same query materialized into a list, for the hand-rolled IMemoryCache variant.</summary>
    public static async Task<object> ListAsync(BlogContext context, Scenario scenario)
        => scenario switch
        {
            Scenario.A_PostByKey => await PostByKey(context, false, PostId).FirstOrDefaultAsync() ?? new object(),
            Scenario.B_BlogPostsInclude => await BlogPosts(context, false, BlogId).ToListAsync(),
            Scenario.C_1000Posts => await ThousandPosts(context, false).ToListAsync(),
            Scenario.D_Count => await CountPosts(context, false, BlogId).CountAsync(),
            Scenario.E_SplitQuery => await SplitQuery(context, false, BlogId).ToListAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

    public static long Checksum(object? value)
        => value switch
        {
            null => -1,
            int count => count,
            Post post => Checksum(post),
            List<Post> posts => posts.Sum(Checksum) + posts.Count,
            List<Blog> blogs => blogs.Sum(b => b.Id * 1_000_003L + b.Posts.Sum(p => Checksum(p) + p.Tags.Sum(t => t.Id))),
            _ => throw new ArgumentException(value.GetType().Name),
        };

    private static long Checksum(Post post)
        => post.Id * 31L + post.BlogId + post.Title.Length + post.Rating + (long)post.Score + (post.Blog?.Name.Length ?? 0);

    private static IQueryable<T> Mark<T>(IQueryable<T> query, bool cacheable) => cacheable ? query.Cacheable() : query;

    public static IQueryable<Post> PostByKey(BlogContext context, bool cacheable, int id)
        => Mark(context.Posts.AsNoTracking().Where(p => p.Id == id), cacheable);

    private static IQueryable<Post> BlogPosts(BlogContext context, bool cacheable, int blogId)
        => Mark(context.Posts.AsNoTracking().Include(p => p.Blog).Where(p => p.BlogId == blogId).OrderBy(p => p.Id), cacheable);

    private static IQueryable<Post> ThousandPosts(BlogContext context, bool cacheable)
        => Mark(context.Posts.AsNoTracking().OrderBy(p => p.Id).Take(1000), cacheable);

    private static IQueryable<Post> CountPosts(BlogContext context, bool cacheable, int blogId)
        => Mark(context.Posts.Where(p => p.BlogId == blogId), cacheable);

    private static IQueryable<Blog> SplitQuery(BlogContext context, bool cacheable, int blogId)
        => Mark(
            context.Blogs.AsNoTracking().Where(b => b.Id == blogId).Include(b => b.Posts.OrderBy(p => p.Id)).ThenInclude(p => p.Tags).AsSplitQuery(),
            cacheable);
}
