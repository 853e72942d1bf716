using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Model;

/// <summary>The benchmark model: blogs, their posts, and tags many-to-many (join table PostTag).</summary>
public sealed class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
{
    public DbSet<Blog> Blogs => Set<Blog>();

    public DbSet<Post> Posts => Set<Post>();

    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Blog>(b =>
        {
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Url).HasMaxLength(400);
        });
        modelBuilder.Entity<Post>(b =>
        {
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Title).HasMaxLength(200);
            b.Property(x => x.Score).HasPrecision(10, 2);
            b.HasIndex(x => x.BlogId);
            b.HasMany(x => x.Tags).WithMany(x => x.Posts).UsingEntity("PostTag");
        });
        modelBuilder.Entity<Tag>(b => b.Property(x => x.Id).ValueGeneratedNever());
    }
}
