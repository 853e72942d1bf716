namespace EfReadCache.Benchmarks.Model;

public sealed class Blog
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<Post> Posts { get; set; } = [];
}
