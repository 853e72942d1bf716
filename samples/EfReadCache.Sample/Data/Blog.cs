namespace EfReadCache.Sample.Data;

public sealed class Blog
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Url { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<Post> Posts { get; set; } = [];
}
