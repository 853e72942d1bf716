using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Sample.Data;

public sealed class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
{
    public DbSet<Blog> Blogs => Set<Blog>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Comment> Comments => Set<Comment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Blog>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasIndex(x => x.Name).IsUnique();
        });
        modelBuilder.Entity<Post>(p =>
        {
            p.Property(x => x.Title).HasMaxLength(300);
            p.HasIndex(x => x.PublishedAt);
            p.HasMany(x => x.Tags).WithMany(t => t.Posts);
        });
        modelBuilder.Entity<Tag>().Property(x => x.Name).HasMaxLength(100);
        modelBuilder.Entity<Comment>().Property(x => x.Author).HasMaxLength(100);
    }
}
