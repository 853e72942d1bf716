using EfReadCache.Storage;
using EfReadCache.Tool.Protocol;
using EfReadCache.Tool.Worker;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EfReadCache.Tool.Tests.Unit;

public sealed class DoctorCheckTests
{
    [Fact]
    public void The_cache_check_lists_which_model_tables_the_policy_caches()
    {
        using var context = new ShopContext(o => o.UseReadCache(c => c.CacheAllQueries(exclude: ["Orders"])));
        var checks = new List<DoctorCheck>();

        var options = DoctorRunner.CheckCache(context, checks);

        var check = Assert.Single(checks);
        Assert.NotNull(options);
        Assert.Equal(DoctorCheck.Pass, check.Status);
        Assert.Contains("Cached by the CacheAllQueries policy: Products.", check.Message);
        Assert.Contains("Not cached by the policy: Orders.", check.Message);
    }

    [Fact]
    public void Without_the_policy_only_Cacheable_queries_are_cached()
    {
        using var context = new ShopContext(o => o.UseReadCache());
        var checks = new List<DoctorCheck>();

        DoctorRunner.CheckCache(context, checks);

        Assert.Equal(DoctorCheck.Pass, checks[0].Status);
        Assert.Contains("only queries marked Cacheable() are cached (2 model tables)", checks[0].Message);
    }

    [Fact]
    public void A_context_without_the_cache_is_a_warning_that_says_how_to_turn_it_on()
    {
        using var context = new ShopContext(_ => { });
        var checks = new List<DoctorCheck>();

        Assert.Null(DoctorRunner.CheckCache(context, checks));

        Assert.Equal(DoctorCheck.Warn, checks[0].Status);
        Assert.Contains("UseReadCache()", checks[0].Hint);
    }

    [Fact]
    public async Task An_unreachable_store_fails_the_redis_check_with_the_reason()
    {
        var options = new ReadCacheOptions { StoreFactory = new ProbedStoreFactory(new InvalidOperationException("It was not possible to connect to the redis server(s).")) };

        var check = await DoctorRunner.CheckStoreAsync(options, CancellationToken.None);

        Assert.Equal(DoctorCheck.Fail, check.Status);
        Assert.Contains("not reachable: It was not possible to connect", check.Message);
        Assert.Contains("Redis is running", check.Hint);
    }

    [Fact]
    public async Task A_reachable_store_or_the_in_memory_store_passes()
    {
        var reachable = await DoctorRunner.CheckStoreAsync(new ReadCacheOptions { StoreFactory = new ProbedStoreFactory(null) }, CancellationToken.None);
        var memory = await DoctorRunner.CheckStoreAsync(new ReadCacheOptions(), CancellationToken.None);

        Assert.Equal(DoctorCheck.Pass, reachable.Status);
        Assert.Contains("is reachable", reachable.Message);
        Assert.Equal(DoctorCheck.Pass, memory.Status);
        Assert.Contains("in-memory store", memory.Message);
    }

    [Fact]
    public async Task Invalid_cache_options_fail_the_cache_check_even_though_they_stop_the_context()
    {
        var locator = new DbContextLocator(
            [typeof(InvalidCacheContext), typeof(InvalidCacheContextFactory)], null, "Shop", [], new WorkerChannel(TextWriter.Null, verbose: false));

        var report = await DoctorRunner.RunAsync(
            new WorkerRequest { Command = ToolCommand.Doctor }, locator, new WorkerChannel(TextWriter.Null, verbose: false), CancellationToken.None);

        Assert.Equal(ExitCodes.NotClean, report.ExitCode);
        var cache = Assert.Single(report.Checks!, c => c.Name == DoctorRunner.CacheCheck);
        Assert.Equal(DoctorCheck.Fail, cache.Status);
        Assert.Contains("MaxEntries is 0", cache.Message);
        Assert.Equal(DoctorCheck.Fail, report.Checks!.Single(c => c.Name == DoctorRunner.ContextCheck).Status);
    }

    [Fact]
    public async Task A_healthy_context_passes_every_check_it_can_run()
    {
        var locator = new DbContextLocator(
            [typeof(InMemoryShopContext), typeof(InMemoryShopContextFactory)], null, "Shop", [], new WorkerChannel(TextWriter.Null, verbose: false));

        var report = await DoctorRunner.RunAsync(
            new WorkerRequest { Command = ToolCommand.Doctor }, locator, new WorkerChannel(TextWriter.Null, verbose: false), CancellationToken.None);

        Assert.Equal(
            [DoctorRunner.ContextCheck, DoctorRunner.ProviderCheck, DoctorRunner.DatabaseCheck, DoctorRunner.SchemaCheck, DoctorRunner.CacheCheck, DoctorRunner.RedisCheck],
            report.Checks!.Select(c => c.Name));
        Assert.DoesNotContain(report.Checks!, c => c.Status == DoctorCheck.Fail);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
        Assert.Equal(DoctorCheck.Warn, report.Checks!.Single(c => c.Name == DoctorRunner.SchemaCheck).Status);
    }

    public sealed class Product
    {
        public int Id { get; set; }
    }

    public sealed class Order
    {
        public int Id { get; set; }
    }

    public class ShopContext(Action<DbContextOptionsBuilder> configure) : DbContext
    {
        public DbSet<Product> Products => Set<Product>();

        public DbSet<Order> Orders => Set<Order>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
            optionsBuilder.UseSqlite("Data Source=:memory:");
            configure(optionsBuilder);
        }
    }

    public sealed class InvalidCacheContext(DbContextOptions<InvalidCacheContext> options) : DbContext(options);

    public sealed class InvalidCacheContextFactory : IDesignTimeDbContextFactory<InvalidCacheContext>
    {
        public InvalidCacheContext CreateDbContext(string[] args)
            => new(new DbContextOptionsBuilder<InvalidCacheContext>().UseSqlite("Data Source=:memory:").UseReadCache(c => c.MaxEntries(0)).Options);
    }

    public sealed class InMemoryShopContext(DbContextOptions<InMemoryShopContext> options) : DbContext(options)
    {
        public DbSet<Product> Products => Set<Product>();
    }

    public sealed class InMemoryShopContextFactory : IDesignTimeDbContextFactory<InMemoryShopContext>
    {
        public InMemoryShopContext CreateDbContext(string[] args)
            => new(new DbContextOptionsBuilder<InMemoryShopContext>().UseSqlite("Data Source=:memory:").UseReadCache().Options);
    }

    private sealed class ProbedStoreFactory(Exception? failure) : IReadCacheStoreFactory, IReadCacheStoreProbe
    {
        public IReadCacheStore Create(StoreContext context) => MemoryReadCacheStoreFactory.Instance.Create(context);

        public Task ProbeAsync(CancellationToken cancellationToken = default)
            => failure is null ? Task.CompletedTask : Task.FromException(failure);
    }
}
