namespace EfReadCache.Benchmarks.Model;

/// <summary>Deterministic data: 100 blogs, 20 posts each (2000), 50 tags, 3 tags per post.</summary>
public static class Seed
{
    public const int Blogs = 100;
    public const int PostsPerBlog = 20;
    public const int Tags = 50;
    public const int TagsPerPost = 3;

    public static async Task FillAsync(BlogContext context)
    {
        var baseDate = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var tags = Enumerable.Range(1, Tags).Select(i => new Tag { Id = i, Name = "tag-" + i }).ToList();
        context.Tags.AddRange(tags);
        var postId = 0;
        for (var b = 1; b <= Blogs; b++)
        {
            var blog = new Blog { Id = b, Name = "Blog " + b, Url = $"https://blogs.example/{b}", CreatedAt = baseDate.AddDays(b) };
            for (var p = 0; p < PostsPerBlog; p++)
            {
                postId++;
                var post = new Post
                {
                    Id = postId,
                    Title = $"Post {postId} of blog {b}",
                    Content = string.Concat(Enumerable.Repeat($"Paragraph {postId}. ", 10)),
                    Rating = postId % 5,
                    Score = (postId % 1000) / 10m,
                    IsPublished = postId % 3 != 0,
                    PublishedAt = baseDate.AddHours(postId),
                    Reference = new Guid(postId, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8),
                };
                for (var t = 0; t < TagsPerPost; t++)
                {
                    post.Tags.Add(tags[(postId * 7 + t * 11) % Tags]);
                }

                blog.Posts.Add(post);
            }

            context.Blogs.Add(blog);
        }

        await context.SaveChangesAsync();
    }
}
