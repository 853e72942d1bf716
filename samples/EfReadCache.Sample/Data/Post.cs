namespace EfReadCache.Sample.Data;

public sealed class Post
{
    public int Id { get; set; }
    public int BlogId { get; set; }
    public Blog Blog { get; set; } = null!;
    public required string Title { get; set; }
    public string Content { get; set; } = "";
    public int Likes { get; set; }
    public DateTime PublishedAt { get; set; }
    public List<Tag> Tags { get; set; } = [];
    public List<Comment> Comments { get; set; } = [];
}
