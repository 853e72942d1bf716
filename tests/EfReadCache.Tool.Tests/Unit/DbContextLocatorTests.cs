using EfReadCache.Tool.Worker;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace EfReadCache.Tool.Tests.Unit;

public sealed class DbContextLocatorTests
{
    private static readonly WorkerChannel Channel = new(TextWriter.Null, verbose: false);

    [Fact]
    public void A_design_time_factory_is_preferred_and_receives_the_application_arguments()
    {
        var locator = Locator([typeof(FactoryContext), typeof(FactoryContextFactory)], "--tenant", "blue");

        var candidate = locator.Select(null);
        using var created = Create(locator, candidate);

        Assert.Equal(typeof(FactoryContextFactory), candidate.FactoryType);
        var context = Assert.IsType<FactoryContext>(created.Context);
        Assert.Equal(["--tenant", "blue"], context.Args);
        Assert.Contains("FactoryContextFactory", created.CreatedBy);
    }

    [Fact]
    public void Without_a_factory_a_constructor_taking_options_is_used_with_OnConfiguring()
    {
        var locator = Locator([typeof(OnConfiguringContext)]);

        using var created = Create(locator, locator.Select(null));

        Assert.IsType<OnConfiguringContext>(created.Context);
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", created.Context.Database.ProviderName);
        Assert.Equal("its constructor", created.CreatedBy);
    }

    [Fact]
    public void Several_contexts_without_context_option_is_an_actionable_error()
    {
        var locator = Locator([typeof(FactoryContext), typeof(FactoryContextFactory), typeof(OnConfiguringContext)]);

        var error = Assert.Throws<ToolException>(() => locator.Select(null));

        Assert.Equal(ExitCodes.ProjectOrContext, error.ExitCode);
        Assert.Contains("FactoryContext, OnConfiguringContext", error.Message);
        Assert.Contains("--context", error.Hint);
    }

    [Theory]
    [InlineData("OnConfiguringContext")]
    [InlineData("onconfiguringcontext")]
    [InlineData("EfReadCache.Tool.Tests.Unit.DbContextLocatorTests+OnConfiguringContext")]
    public void The_context_option_picks_by_name_or_full_name(string name)
    {
        var locator = Locator([typeof(FactoryContext), typeof(FactoryContextFactory), typeof(OnConfiguringContext)]);

        Assert.Equal(typeof(OnConfiguringContext), locator.Select(name).ContextType);
    }

    [Fact]
    public void An_unknown_context_name_lists_the_ones_found()
    {
        var locator = Locator([typeof(OnConfiguringContext)]);

        var error = Assert.Throws<ToolException>(() => locator.Select("Nope"));

        Assert.Contains("No DbContext named 'Nope'", error.Message);
        Assert.Contains("OnConfiguringContext", error.Hint);
    }

    [Fact]
    public void No_context_at_all_is_an_actionable_error()
    {
        var error = Assert.Throws<ToolException>(() => Locator([typeof(string)]).Select(null));

        Assert.Contains("No DbContext was found in Sample.App", error.Message);
        Assert.Contains("--project", error.Hint);
    }

    [Fact]
    public void A_factory_that_throws_is_reported_with_its_message_and_what_to_do()
    {
        var locator = Locator([typeof(ThrowingContext), typeof(ThrowingContextFactory)]);

        var error = Assert.Throws<ToolException>(() => locator.Create(locator.Select(null)));

        Assert.Equal(ExitCodes.ProjectOrContext, error.ExitCode);
        Assert.Contains("ThrowingContext could not be created through its design-time factory ThrowingContextFactory", error.Message);
        Assert.Contains("ConnectionStrings:Main is not set", error.Message);
        Assert.Contains("ThrowingContextFactory.CreateDbContext", error.Hint);
    }

    [Fact]
    public void A_context_without_a_usable_constructor_says_how_to_make_one()
    {
        var locator = Locator([typeof(UnconstructibleContext)]);

        var error = Assert.Throws<ToolException>(() => locator.Create(locator.Select(null)));

        Assert.Contains("no constructor the tool can call", error.Message);
        Assert.Contains("IDesignTimeDbContextFactory<UnconstructibleContext>", error.Hint);
    }

    [Fact]
    public void A_context_without_a_provider_fails_when_described_with_what_to_configure()
    {
        var locator = Locator([typeof(NoProviderContext)]);
        using var created = Create(locator, locator.Select(null));

        var error = Assert.Throws<ToolException>(() => DatabaseProbe.Describe(created.Created, connection: null));

        Assert.Contains("cannot be used", error.Message);
        Assert.Contains("UseSqlite", error.Hint);
    }

    private static DbContextLocator Locator(Type[] types, params string[] args)
        => new(types, startupAssembly: null, "Sample.App", args, Channel);

    private static DisposableCreated Create(DbContextLocator locator, ContextCandidate candidate) => new(locator.Create(candidate));

    private sealed class DisposableCreated(CreatedContext created) : IDisposable
    {
        public CreatedContext Created => created;

        public DbContext Context => created.Context;

        public string CreatedBy => created.CreatedBy;

        public void Dispose() => created.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    public sealed class FactoryContext(DbContextOptions<FactoryContext> options, string[] args) : DbContext(options)
    {
        public string[] Args { get; } = args;
    }

    public sealed class FactoryContextFactory : IDesignTimeDbContextFactory<FactoryContext>
    {
        public FactoryContext CreateDbContext(string[] args)
            => new(new DbContextOptionsBuilder<FactoryContext>().UseSqlite("Data Source=:memory:").Options, args);
    }

    public sealed class OnConfiguringContext(DbContextOptions<OnConfiguringContext> options) : DbContext(options)
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
            if (!optionsBuilder.IsConfigured)
            {
                optionsBuilder.UseSqlite("Data Source=:memory:");
            }
        }
    }

    public sealed class ThrowingContext(DbContextOptions<ThrowingContext> options) : DbContext(options);

    public sealed class ThrowingContextFactory : IDesignTimeDbContextFactory<ThrowingContext>
    {
        public ThrowingContext CreateDbContext(string[] args) => throw new InvalidOperationException("ConnectionStrings:Main is not set.");
    }

    public sealed class UnconstructibleContext(string connectionString) : DbContext
    {
        public string ConnectionString { get; } = connectionString;
    }

    public sealed class NoProviderContext : DbContext;
}
