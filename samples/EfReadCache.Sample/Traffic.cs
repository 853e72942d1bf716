using System.Diagnostics;
using EfReadCache.Sample.Data;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Sample;

/// <summary>
///     A day of blog traffic: mostly page views (cached queries), some likes, comments and new posts (writes that evict
///     what they touch). Each request gets a new context, as in a web application.
/// </summary>
public static class Traffic
{
    public sealed record Result(int Reads, int Writes, TimeSpan Elapsed, uint Checksum);

    public static async Task<Result> RunAsync(Func<BlogContext> createContext, int requests, int seed)
    {
        var random = new Random(seed);
        var (reads, writes) = (0, 0);
        uint checksum = 17;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            await using var db = createContext();
            var roll = random.Next(100);
            var blogId = random.Next(1, 31);
            if (roll < 4)
            {
                writes++;
                await WriteAsync(db, roll, blogId, random.Next(1, 11), i);
                continue;
            }

            reads++;
            var page = roll switch
            {
                < 45 => await HomePageAsync(db),
                < 75 => await BlogPageAsync(db, blogId),
                < 90 => await TagCloudAsync(db),
                _ => await db.Posts.Cacheable().CountAsync(),
            };
            checksum = checksum * 31 + (uint)Json(page).GetHashCode(StringComparison.Ordinal);
        }

        return new Result(reads, writes, watch.Elapsed, checksum);
    }

    /// <summary>The number of distinct pages <see cref="VerifyAsync" /> compares.</summary>
    public const int PageCount = 33;

    /// <summary>Reads every page through the cache and straight from the database; returns the pages that differ.</summary>
    public static async Task<List<string>> VerifyAsync(Func<BlogContext> cached, Func<BlogContext> uncached)
    {
        var differing = new List<string>();
        async Task Compare(string name, Func<BlogContext, Task<object>> page)
        {
            await using var viaCache = cached();
            await using var direct = uncached();
            if (Json(await page(viaCache)) != Json(await page(direct)))
            {
                differing.Add(name);
            }
        }

        await Compare("home", HomePageAsync);
        await Compare("tags", TagCloudAsync);
        await Compare("count", async db => await db.Posts.Cacheable().CountAsync());
        for (var blogId = 1; blogId <= 30; blogId++)
        {
            var id = blogId;
            await Compare("blog " + id, db => BlogPageAsync(db, id));
        }

        return differing;
    }

    private static async Task<object> HomePageAsync(BlogContext db)
        => await db.Posts.AsNoTracking().OrderByDescending(p => p.Likes).ThenBy(p => p.Id).Take(10).Cacheable()
            .Select(p => new { p.Title, p.Likes, Blog = p.Blog.Name }).ToListAsync();

    private static async Task<object> BlogPageAsync(BlogContext db, int blogId)
        => await db.Blogs.AsNoTracking().Where(b => b.Id == blogId).Cacheable()
            .Select(b => new { b.Name, b.Url, Posts = b.Posts.OrderBy(p => p.Id).Select(p => new { p.Title, p.Likes, Comments = p.Comments.Count }).ToList() })
            .SingleAsync();

    private static async Task<object> TagCloudAsync(BlogContext db)
        => await db.Tags.AsNoTracking().OrderBy(t => t.Name).Cacheable(TimeSpan.FromMinutes(1)).Select(t => new { t.Name, Posts = t.Posts.Count }).ToListAsync();

    private static string Json(object page) => System.Text.Json.JsonSerializer.Serialize(page);

    private static async Task WriteAsync(BlogContext db, int kind, int blogId, int postNumber, int request)
    {
        var title = $"Post {postNumber} of blog {blogId}";
        switch (kind)
        {
            case 0:
                await db.Posts.Where(p => p.Title == title).ExecuteUpdateAsync(s => s.SetProperty(p => p.Likes, p => p.Likes + 1));
                break;
            case 1:
                var post = await db.Posts.FirstAsync(p => p.Title == title);
                post.Comments.Add(new Comment { Author = "visitor", Text = "Comment " + request });
                await db.SaveChangesAsync();
                break;
            case 2:
                db.Posts.Add(new Post { BlogId = blogId, Title = $"Extra {request}", PublishedAt = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc) });
                await db.SaveChangesAsync();
                break;
            default:
                await db.Database.ExecuteSqlAsync($"UPDATE \"Blogs\" SET \"Url\" = {"https://moved.example/" + request} WHERE \"Id\" = {blogId}");
                break;
        }
    }
}
