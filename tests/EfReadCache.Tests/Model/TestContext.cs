using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Model;

public sealed class TestContext(DbContextOptions<TestContext> options) : DbContext(options)
{
    public DbSet<Blog> Blogs => Set<Blog>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<BlogSummary> BlogSummaries => Set<BlogSummary>();
    public DbSet<TypeSample> TypeSamples => Set<TypeSample>();
    public DbSet<Animal> Animals => Set<Animal>();
    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PgSample> PgSamples => Set<PgSample>();

    public bool IsPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>Maps the PostgreSQL function efrc_post_count(blog_id), which reads Posts (created by the test that uses it).</summary>
    public static long PostCountOf(int blogId) => throw new NotSupportedException("Translated to SQL.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Blog>(b =>
        {
            b.OwnsOne(x => x.Owner);
            b.HasMany(x => x.Posts).WithOne(p => p.Blog).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Post>(p =>
        {
            p.OwnsOne(x => x.Metadata, m => m.ToJson());
            p.HasMany(x => x.Tags).WithMany(t => t.Posts).UsingEntity("PostTag");
            p.HasMany(x => x.Comments).WithOne(c => c.Post).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<BlogSummary>(v =>
        {
            v.HasNoKey();
            v.ToView("BlogSummaries");
            v.HasCacheDependencies("Blogs", "Posts");
        });
        modelBuilder.Entity<TypeSample>(t =>
        {
            t.Property(x => x.Decimal).HasPrecision(18, 4);
            t.Property(x => x.NDecimal).HasPrecision(18, 4);
            t.Property(x => x.EnumAsString).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Animal>().ToTable("Animals").HasDiscriminator<string>("Kind").HasValue<Dog>("dog").HasValue<Cat>("cat");
        modelBuilder.Entity<Vehicle>().UseTptMappingStrategy().ToTable("Vehicles");
        modelBuilder.Entity<Car>().ToTable("Cars");
        modelBuilder.Entity<Truck>().ToTable("Trucks");
        modelBuilder.Entity<Payment>().UseTpcMappingStrategy().Property(p => p.Id).ValueGeneratedNever();
        modelBuilder.Entity<Payment>().Property(p => p.Amount).HasPrecision(18, 2);
        modelBuilder.Entity<CardPayment>().ToTable("CardPayments");
        modelBuilder.Entity<CashPayment>().ToTable("CashPayments");

        modelBuilder.HasDbFunction(typeof(TestContext).GetMethod(nameof(PostCountOf))!).HasName("efrc_post_count");
        if (IsPostgres)
        {
            modelBuilder.Entity<PgSample>(p =>
            {
                p.Property(x => x.Jsonb).HasColumnType("jsonb");
                p.Property(x => x.Timestamp).HasColumnType("timestamp without time zone");
                p.Property(x => x.TimestampTz).HasColumnType("timestamp with time zone");
                p.Property(x => x.Numeric).HasColumnType("numeric(20,6)");
                p.Property(x => x.Moods).HasConversion(
                    v => v.Select(m => (int)m).ToArray(),
                    v => v.Select(i => (Mood)i).ToArray());
            });
        }
        else
        {
            modelBuilder.Ignore<PgSample>();
        }
    }
}
