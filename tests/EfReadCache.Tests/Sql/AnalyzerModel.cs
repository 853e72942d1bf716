using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Sql;

// A model that exercises the shapes of SQL EF generates: relationships, a many-to-many join table, owned types (same
// table, own table, JSON column), TPH and TPT hierarchies, a view and a schema-qualified table.
public sealed class AnalyzerContext(DbContextOptions<AnalyzerContext> options) : DbContext(options)
{
    public DbSet<AnalyzerBlog> Blogs => Set<AnalyzerBlog>();
    public DbSet<AnalyzerPost> Posts => Set<AnalyzerPost>();
    public DbSet<AnalyzerTag> Tags => Set<AnalyzerTag>();
    public DbSet<AnalyzerVehicle> Vehicles => Set<AnalyzerVehicle>();
    public DbSet<AnalyzerShape> Shapes => Set<AnalyzerShape>();
    public DbSet<AnalyzerBlogSummary> BlogSummaries => Set<AnalyzerBlogSummary>();
    public DbSet<AnalyzerAuditEntry> AuditEntries => Set<AnalyzerAuditEntry>();

    public static AnalyzerContext Sqlite(string dataSource, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
        => new(new DbContextOptionsBuilder<AnalyzerContext>()
            .UseSqlite("Data Source=" + dataSource)
            .AddInterceptors(interceptors)
            .Options);

    public static AnalyzerContext Postgres(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
        => new(new DbContextOptionsBuilder<AnalyzerContext>()
            .UseNpgsql("Host=localhost")
            .AddInterceptors(interceptors)
            .Options);

    public static int PostCount(int blogId) => throw new NotSupportedException();

    public static int ScoreOf(int blogId) => throw new NotSupportedException();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AnalyzerBlog>(b =>
        {
            b.ToTable("Blogs");
            b.OwnsOne(x => x.Owner);
            b.OwnsOne(x => x.Details, d =>
            {
                d.ToJson();
                d.OwnsMany(x => x.Links);
            });
            b.HasMany(x => x.Tags).WithMany(x => x.Blogs).UsingEntity("BlogTag");
        });
        modelBuilder.Entity<AnalyzerPost>(p =>
        {
            p.ToTable("Posts");
            p.HasOne(x => x.Blog).WithMany(x => x.Posts).HasForeignKey(x => x.BlogId);
            p.OwnsOne(x => x.Stats, s => s.ToTable("PostStats"));
        });
        modelBuilder.Entity<AnalyzerTag>().ToTable("Tags");

        // TPH: one table with a discriminator.
        modelBuilder.Entity<AnalyzerVehicle>().ToTable("Vehicles");
        modelBuilder.Entity<AnalyzerCar>();
        modelBuilder.Entity<AnalyzerTruck>();

        // TPT: a table per type.
        modelBuilder.Entity<AnalyzerShape>().UseTptMappingStrategy().ToTable("Shapes");
        modelBuilder.Entity<AnalyzerCircle>().ToTable("Circles");
        modelBuilder.Entity<AnalyzerSquare>().ToTable("Squares");

        // User-defined functions: EF calls them by name, and they may read any table.
        modelBuilder.HasDbFunction(typeof(AnalyzerContext).GetMethod(nameof(PostCount))!).HasName("post_count");
        modelBuilder.HasDbFunction(typeof(AnalyzerContext).GetMethod(nameof(ScoreOf))!).HasName("score_of").HasSchema("stats");

        modelBuilder.Entity<AnalyzerBlogSummary>().HasNoKey().ToView("BlogSummaries");
        modelBuilder.Entity<AnalyzerAuditEntry>().ToTable("Audit", "ops");
    }
}

public class AnalyzerBlog
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Rating { get; set; }
    public DateTime Created { get; set; }
    public AnalyzerOwner? Owner { get; set; }
    public AnalyzerBlogDetails? Details { get; set; }
    public List<AnalyzerPost> Posts { get; set; } = [];
    public List<AnalyzerTag> Tags { get; set; } = [];
}

public class AnalyzerOwner
{
    public string? Name { get; set; }
    public string? City { get; set; }
}

public class AnalyzerBlogDetails
{
    public string? Theme { get; set; }
    public List<AnalyzerLink> Links { get; set; } = [];
}

public class AnalyzerLink
{
    public required string Url { get; set; }
    public int Clicks { get; set; }
}

public class AnalyzerPost
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Content { get; set; }
    public int BlogId { get; set; }
    public AnalyzerBlog? Blog { get; set; }
    public AnalyzerPostStats? Stats { get; set; }
}

public class AnalyzerPostStats
{
    public int Views { get; set; }
    public int Likes { get; set; }
}

public class AnalyzerTag
{
    public int Id { get; set; }
    public required string Label { get; set; }
    public List<AnalyzerBlog> Blogs { get; set; } = [];
}

public abstract class AnalyzerVehicle
{
    public int Id { get; set; }
    public required string Make { get; set; }
}

public class AnalyzerCar : AnalyzerVehicle
{
    public int Doors { get; set; }
}

public class AnalyzerTruck : AnalyzerVehicle
{
    public int Payload { get; set; }
}

public class AnalyzerShape
{
    public int Id { get; set; }
    public required string Color { get; set; }
}

public class AnalyzerCircle : AnalyzerShape
{
    public double Radius { get; set; }
}

public class AnalyzerSquare : AnalyzerShape
{
    public double Side { get; set; }
}

public class AnalyzerBlogSummary
{
    public int BlogId { get; set; }
    public required string Name { get; set; }
    public int PostCount { get; set; }
}

public class AnalyzerAuditEntry
{
    public int Id { get; set; }
    public required string Action { get; set; }
    public DateTime At { get; set; }
}
