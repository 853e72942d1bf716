using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    [Fact]
    public async Task A_rich_model_is_created_and_then_compares_equal_to_itself()
    {
        var plan = await Db.PlanAsync(RichModel.Build);
        Assert.Empty(plan.Blocked);
        Assert.Equal(5, plan.Operations.Count(o => o.Kind == SchemaOperationKinds.CreateTable));

        await Db.ApplyAsync(RichModel.Build);

        await using (var context = Db.Context(RichModel.Build))
        {
            var customer = new RichModel.Customer { Name = "c", ExternalId = Guid.NewGuid(), Settings = { Topics = ["a"] } };
            var product = new RichModel.Product { Sku = "p", Active = true };
            var order = new RichModel.Order { Customer = customer, Price = 2.5m, Quantity = 4, CreatedAt = DateTime.UtcNow, Products = [product] };
            order.Lines.Add(new RichModel.OrderLine { LineNumber = 1, Text = "x", Product = product });
            context.AddRange(customer, new RichModel.VipCustomer { Name = "v", ExternalId = Guid.NewGuid(), Discount = 0.5m, ReferredBy = customer }, order);
            await context.SaveChangesAsync();
        }

        Assert.Equal(["10.00"], await Db.RowsAsync(Db.IsPostgres
            ? """SELECT "Total"::text FROM "Order" """
            : """SELECT printf('%.2f', "Total") FROM "Order" """));
        Assert.True((await Db.PlanAsync(RichModel.Build)).IsEmpty);

        // The model's check constraint came with the new table.
        await Assert.ThrowsAnyAsync<Exception>(() => Db.ExecuteAsync(""" UPDATE "Order" SET "Quantity" = 0 """));
    }

    [Fact]
    public async Task A_rich_model_evolves_and_keeps_its_rows()
    {
        await Db.ApplyAsync(RichModel.Build);
        await using (var context = Db.Context(RichModel.Build))
        {
            var customer = new RichModel.Customer { Name = "c", ExternalId = Guid.NewGuid(), Address = { Street = "s" }, Settings = { Topics = ["a"] } };
            var product = new RichModel.Product { Sku = "p", Active = true };
            var order = new RichModel.Order { Customer = customer, Price = 2.5m, Quantity = 4, CreatedAt = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), Products = [product] };
            order.Lines.Add(new RichModel.OrderLine { LineNumber = 1, Text = "x", Product = product });
            context.AddRange(customer, order);
            await context.SaveChangesAsync();
        }

        void Evolved(ModelBuilder m)
        {
            RichModel.Build(m);
            m.Entity<RichModel.Customer>().Property(x => x.Name).HasMaxLength(300);
            m.Entity<RichModel.VipCustomer>().Property<string?>("Tier").HasMaxLength(10);
            m.Entity<RichModel.Order>().Property(x => x.Status).HasMaxLength(20).HasDefaultValue("open");
            m.Entity<RichModel.Order>().HasIndex(x => x.CreatedAt);
            m.Entity<RichModel.OrderLine>().HasOne(x => x.Product).WithMany().OnDelete(DeleteBehavior.Cascade);
        }

        var plan = await Db.PlanAsync(Evolved);
        Assert.Empty(plan.Blocked);
        Assert.False(plan.LosesData);
        await Db.ApplyAsync(Evolved);

        Assert.Equal(["c|s||10.00"], await Db.RowsAsync(Db.IsPostgres
            ? """ SELECT c."Name", c."Address_Street", o."Status", o."Total"::text FROM "Order" o JOIN "Customer" c ON c."Id" = o."CustomerId" """
            : """ SELECT c."Name", c."Address_Street", o."Status", printf('%.2f', o."Total") FROM "Order" o JOIN "Customer" c ON c."Id" = o."CustomerId" """));
        Assert.Equal(["1|x"], await Db.RowsAsync(""" SELECT "LineNumber", "Text" FROM "OrderLine" """));
        await Db.ExecuteAsync(""" INSERT INTO "Order" ("CustomerId", "Price", "CreatedAt") VALUES (1, 1, '2024-01-01') """);
        Assert.Equal(["|4", "open|1"], await Db.RowsAsync(""" SELECT "Status", "Quantity" FROM "Order" ORDER BY "Id" """));
    }
}
