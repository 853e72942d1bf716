namespace EfReadCache.Sample.Data;

public sealed class Comment
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
    public required string Author { get; set; }
    public required string Text { get; set; }
}
