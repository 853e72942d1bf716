using EfReadCache.Migrations.Tests.Infrastructure;

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
}
