namespace EfReadCache.Benchmarks.Model;

public sealed class Post
{
    public int Id { get; set; }

    public int BlogId { get; set; }

    public Blog Blog { get; set; } = null!;

    public string Title { get; set; } = "";

    public string Content { get; set; } = "";

    public int Rating { get; set; }

    public decimal Score { get; set; }

    public bool IsPublished { get; set; }

    public DateTime PublishedAt { get; set; }

    public Guid Reference { get; set; }

    public List<Tag> Tags { get; set; } = [];
}
