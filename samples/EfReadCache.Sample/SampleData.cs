using EfReadCache.Sample.Data;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Sample;

/// <summary>Seeds a blog site once: 30 blogs, 10 posts each, 12 tags, a few comments.</summary>
public static class SampleData
{
    public static async Task SeedAsync(BlogContext db)
    {
        if (await db.Blogs.AnyAsync())
        {
            return;
        }

        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var tags = Enumerable.Range(1, 12).Select(i => new Tag { Name = "topic-" + i }).ToList();
        for (var b = 1; b <= 30; b++)
        {
            var blog = new Blog { Name = "Blog " + b, Url = $"https://blog{b}.example", CreatedAt = start.AddDays(b) };
            for (var p = 1; p <= 10; p++)
            {
                var post = new Post
                {
                    Title = $"Post {p} of blog {b}",
                    Content = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet. ", 20)),
                    Likes = (b * 7 + p * 13) % 100,
                    PublishedAt = start.AddDays(b).AddHours(p),
                    Tags = tags.Where((_, i) => (i + b + p) % 4 == 0).ToList(),
                };
                post.Comments.Add(new Comment { Author = "reader" + p, Text = "Nice post!" });
                blog.Posts.Add(post);
            }

            db.Blogs.Add(blog);
        }

        await db.SaveChangesAsync();
        Console.WriteLine("Seeded 30 blogs, 300 posts, 12 tags.");
    }
}
