// Generated once by a script: 50 entity types for the migrator benchmark (a chain of optional foreign keys).
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Model;

public sealed class Wide01 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } }
public sealed class Wide02 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide01? Parent { get; set; } }
public sealed class Wide03 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide02? Parent { get; set; } }
public sealed class Wide04 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide03? Parent { get; set; } }
public sealed class Wide05 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide04? Parent { get; set; } }
public sealed class Wide06 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide05? Parent { get; set; } }
public sealed class Wide07 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide06? Parent { get; set; } }
public sealed class Wide08 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide07? Parent { get; set; } }
public sealed class Wide09 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide08? Parent { get; set; } }
public sealed class Wide10 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide09? Parent { get; set; } }
public sealed class Wide11 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide10? Parent { get; set; } }
public sealed class Wide12 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide11? Parent { get; set; } }
public sealed class Wide13 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide12? Parent { get; set; } }
public sealed class Wide14 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide13? Parent { get; set; } }
public sealed class Wide15 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide14? Parent { get; set; } }
public sealed class Wide16 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide15? Parent { get; set; } }
public sealed class Wide17 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide16? Parent { get; set; } }
public sealed class Wide18 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide17? Parent { get; set; } }
public sealed class Wide19 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide18? Parent { get; set; } }
public sealed class Wide20 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide19? Parent { get; set; } }
public sealed class Wide21 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide20? Parent { get; set; } }
public sealed class Wide22 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide21? Parent { get; set; } }
public sealed class Wide23 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide22? Parent { get; set; } }
public sealed class Wide24 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide23? Parent { get; set; } }
public sealed class Wide25 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide24? Parent { get; set; } }
public sealed class Wide26 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide25? Parent { get; set; } }
public sealed class Wide27 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide26? Parent { get; set; } }
public sealed class Wide28 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide27? Parent { get; set; } }
public sealed class Wide29 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide28? Parent { get; set; } }
public sealed class Wide30 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide29? Parent { get; set; } }
public sealed class Wide31 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide30? Parent { get; set; } }
public sealed class Wide32 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide31? Parent { get; set; } }
public sealed class Wide33 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide32? Parent { get; set; } }
public sealed class Wide34 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide33? Parent { get; set; } }
public sealed class Wide35 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide34? Parent { get; set; } }
public sealed class Wide36 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide35? Parent { get; set; } }
public sealed class Wide37 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide36? Parent { get; set; } }
public sealed class Wide38 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide37? Parent { get; set; } }
public sealed class Wide39 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide38? Parent { get; set; } }
public sealed class Wide40 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide39? Parent { get; set; } }
public sealed class Wide41 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide40? Parent { get; set; } }
public sealed class Wide42 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide41? Parent { get; set; } }
public sealed class Wide43 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide42? Parent { get; set; } }
public sealed class Wide44 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide43? Parent { get; set; } }
public sealed class Wide45 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide44? Parent { get; set; } }
public sealed class Wide46 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide45? Parent { get; set; } }
public sealed class Wide47 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide46? Parent { get; set; } }
public sealed class Wide48 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide47? Parent { get; set; } }
public sealed class Wide49 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide48? Parent { get; set; } }
public sealed class Wide50 { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Amount { get; set; } public DateTime CreatedAt { get; set; } public bool Active { get; set; } public int? ParentId { get; set; } public Wide49? Parent { get; set; } }

/// <summary>A 50-table model for the migrator benchmark: keys, a foreign-key chain, indexes, lengths, precision, defaults.</summary>
public sealed class WideContext(DbContextOptions<WideContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Wide01>(b =>
        {
            b.ToTable("Wide01");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
        });
        modelBuilder.Entity<Wide02>(b =>
        {
            b.ToTable("Wide02");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide03>(b =>
        {
            b.ToTable("Wide03");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide04>(b =>
        {
            b.ToTable("Wide04");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide05>(b =>
        {
            b.ToTable("Wide05");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide06>(b =>
        {
            b.ToTable("Wide06");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide07>(b =>
        {
            b.ToTable("Wide07");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide08>(b =>
        {
            b.ToTable("Wide08");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide09>(b =>
        {
            b.ToTable("Wide09");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide10>(b =>
        {
            b.ToTable("Wide10");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide11>(b =>
        {
            b.ToTable("Wide11");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide12>(b =>
        {
            b.ToTable("Wide12");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide13>(b =>
        {
            b.ToTable("Wide13");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide14>(b =>
        {
            b.ToTable("Wide14");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide15>(b =>
        {
            b.ToTable("Wide15");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide16>(b =>
        {
            b.ToTable("Wide16");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide17>(b =>
        {
            b.ToTable("Wide17");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide18>(b =>
        {
            b.ToTable("Wide18");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide19>(b =>
        {
            b.ToTable("Wide19");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide20>(b =>
        {
            b.ToTable("Wide20");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide21>(b =>
        {
            b.ToTable("Wide21");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide22>(b =>
        {
            b.ToTable("Wide22");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide23>(b =>
        {
            b.ToTable("Wide23");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide24>(b =>
        {
            b.ToTable("Wide24");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide25>(b =>
        {
            b.ToTable("Wide25");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide26>(b =>
        {
            b.ToTable("Wide26");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide27>(b =>
        {
            b.ToTable("Wide27");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide28>(b =>
        {
            b.ToTable("Wide28");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide29>(b =>
        {
            b.ToTable("Wide29");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide30>(b =>
        {
            b.ToTable("Wide30");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide31>(b =>
        {
            b.ToTable("Wide31");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide32>(b =>
        {
            b.ToTable("Wide32");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide33>(b =>
        {
            b.ToTable("Wide33");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide34>(b =>
        {
            b.ToTable("Wide34");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide35>(b =>
        {
            b.ToTable("Wide35");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide36>(b =>
        {
            b.ToTable("Wide36");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide37>(b =>
        {
            b.ToTable("Wide37");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide38>(b =>
        {
            b.ToTable("Wide38");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide39>(b =>
        {
            b.ToTable("Wide39");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide40>(b =>
        {
            b.ToTable("Wide40");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide41>(b =>
        {
            b.ToTable("Wide41");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide42>(b =>
        {
            b.ToTable("Wide42");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide43>(b =>
        {
            b.ToTable("Wide43");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide44>(b =>
        {
            b.ToTable("Wide44");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide45>(b =>
        {
            b.ToTable("Wide45");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide46>(b =>
        {
            b.ToTable("Wide46");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide47>(b =>
        {
            b.ToTable("Wide47");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide48>(b =>
        {
            b.ToTable("Wide48");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide49>(b =>
        {
            b.ToTable("Wide49");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
        modelBuilder.Entity<Wide50>(b =>
        {
            b.ToTable("Wide50");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Amount).HasPrecision(12, 2);
            b.Property(x => x.Active).HasDefaultValue(true);
            b.HasIndex(x => x.Name);
            b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
