using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EfReadCache.Migrations.Tests.Infrastructure;

/// <summary>Model-building helpers: property-bag tables, so every scenario can shape its own columns.</summary>
public static class Models
{
    public static EntityTypeBuilder<Dictionary<string, object>> Table(this ModelBuilder modelBuilder, string name)
    {
        var builder = modelBuilder.SharedTypeEntity<Dictionary<string, object>>(name);
        builder.ToTable(name);
        builder.IndexerProperty<int>("Id");
        builder.HasKey("Id");
        return builder;
    }

    public static void Table(this ModelBuilder modelBuilder, string name, Action<EntityTypeBuilder<Dictionary<string, object>>> configure)
        => configure(modelBuilder.Table(name));

    /// <summary>Blogs(Id, Name varchar(200) NOT NULL) and Posts(Id, BlogId FK, Title).</summary>
    public static void BlogsAndPosts(ModelBuilder modelBuilder, bool blogIdRequired = true, DeleteBehavior onDelete = DeleteBehavior.Cascade)
    {
        modelBuilder.Table("Blogs", b => b.IndexerProperty<string>("Name").HasMaxLength(200).IsRequired());
        modelBuilder.Table("Posts", p =>
        {
            p.IndexerProperty<string>("Title").HasMaxLength(200).IsRequired();
            if (blogIdRequired)
            {
                p.IndexerProperty<int>("BlogId");
            }
            else
            {
                p.IndexerProperty<int?>("BlogId");
            }

            p.HasOne("Blogs").WithMany().HasForeignKey("BlogId").IsRequired(blogIdRequired).OnDelete(onDelete);
        });
    }
}
