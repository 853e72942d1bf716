using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests.Infrastructure;

/// <summary>
///     A model that uses most of what EF maps to tables: TPH inheritance, owned types (table splitting and JSON),
///     many-to-many, a self-reference, composite keys, enums, decimals, dates, GUIDs, blobs, defaults, a stored computed
///     column, a filtered unique index, a check constraint and every delete behavior.
/// </summary>
public static class RichModel
{
    public enum Level
    {
        Low,
        High,
    }

    public class Customer
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public Guid ExternalId { get; set; }
        public Level Level { get; set; }
        public Address Address { get; set; } = new();
        public Settings Settings { get; set; } = new();
        public int? ReferredById { get; set; }
        public Customer? ReferredBy { get; set; }
        public List<Order> Orders { get; set; } = [];
    }

    public class VipCustomer : Customer
    {
        public decimal Discount { get; set; }
    }

    public class Address
    {
        public string Street { get; set; } = "";
        public string? City { get; set; }
    }

    public class Settings
    {
        public bool Newsletter { get; set; }
        public List<string> Topics { get; set; } = [];
    }

    public class Order
    {
        public int Id { get; set; }
        public int CustomerId { get; set; }
        public Customer Customer { get; set; } = null!;
        public decimal Price { get; set; }
        public int Quantity { get; set; }
        public decimal Total { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateOnly? ShipOn { get; set; }
        public byte[]? Receipt { get; set; }
        public string Status { get; set; } = "";
        public List<Product> Products { get; set; } = [];
        public List<OrderLine> Lines { get; set; } = [];
    }

    public class Product
    {
        public int Id { get; set; }
        public string Sku { get; set; } = "";
        public bool Active { get; set; }
        public List<Order> Orders { get; set; } = [];
    }

    public class OrderLine
    {
        public int OrderId { get; set; }
        public int LineNumber { get; set; }
        public string Text { get; set; } = "";
        public int? ProductId { get; set; }
        public Product? Product { get; set; }
    }

    public static void Build(ModelBuilder m)
    {
        m.Entity<Customer>(c =>
        {
            c.Property(x => x.Name).HasMaxLength(100);
            c.OwnsOne(x => x.Address, a => a.Property(x => x.Street).HasMaxLength(200));
            c.OwnsOne(x => x.Settings, s => s.ToJson());
            c.HasOne(x => x.ReferredBy).WithMany().HasForeignKey(x => x.ReferredById).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => x.ExternalId).IsUnique();
            c.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        });
        m.Entity<VipCustomer>().Property(x => x.Discount).HasPrecision(5, 2);
        m.Entity<Order>(o =>
        {
            o.Property(x => x.Price).HasPrecision(18, 2);
            o.Property(x => x.Total).HasPrecision(18, 2).HasComputedColumnSql("\"Price\" * \"Quantity\"", stored: true);
            o.Property(x => x.Status).HasMaxLength(20).HasDefaultValue("new");
            o.Property(x => x.Quantity).HasDefaultValue(1);
            o.HasOne(x => x.Customer).WithMany(x => x.Orders).OnDelete(DeleteBehavior.Cascade);
            o.HasMany(x => x.Products).WithMany(x => x.Orders);
            o.HasIndex(x => x.Status).HasFilter("\"Status\" <> 'done'");
            o.ToTable(t => t.HasCheckConstraint("CK_Orders_Quantity", "\"Quantity\" > 0"));
        });
        m.Entity<Product>(p =>
        {
            p.Property(x => x.Sku).HasMaxLength(40);
            p.HasIndex(x => x.Sku).IsUnique().HasFilter("\"Active\"");
        });
        m.Entity<OrderLine>(l =>
        {
            l.HasKey(x => new { x.OrderId, x.LineNumber });
            l.HasOne<Order>().WithMany(x => x.Lines).HasForeignKey(x => x.OrderId);
            l.HasOne(x => x.Product).WithMany().OnDelete(DeleteBehavior.SetNull);
        });
    }
}
