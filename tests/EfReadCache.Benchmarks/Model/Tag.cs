namespace EfReadCache.Benchmarks.Model;

public sealed class Tag
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<Post> Posts { get; set; } = [];
}
