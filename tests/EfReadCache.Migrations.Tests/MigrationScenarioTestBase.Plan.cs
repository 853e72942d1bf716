using System.Text.Json;
using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EfReadCache.Migrations.Tests;

public abstract partial class MigrationScenarioTestBase
{
    [Fact]
    public async Task A_plan_prints_readably_and_serializes_to_json()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""ALTER TABLE "Posts" ADD COLUMN "Legacy" TEXT""");
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Table("Tags", t => t.IndexerProperty<string>("Label").HasMaxLength(40).IsRequired());
        }

        var plan = await Db.PlanAsync(Model);
        var text = plan.ToString();
        Assert.Contains("1. CreateTable Tags", text, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE \"Tags\"", text, StringComparison.Ordinal);
        Assert.Contains("Blocked:", text, StringComparison.Ordinal);
        Assert.Contains("Legacy", text, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(plan.ToJson());
        var root = json.RootElement;
        Assert.False(root.GetProperty("isEmpty").GetBoolean());
        Assert.False(root.GetProperty("losesData").GetBoolean());
        var operation = root.GetProperty("operations")[0];
        Assert.Equal("CreateTable", operation.GetProperty("kind").GetString());
        Assert.Contains("CREATE TABLE", operation.GetProperty("sql")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("DropColumn", root.GetProperty("blocked")[0].GetProperty("kind").GetString());
        Assert.True(root.GetProperty("blocked")[0].GetProperty("requiresDataLoss").GetBoolean());
    }

    [Fact]
    public async Task Progress_reports_every_step_in_order()
    {
        var steps = new List<string>();
        await using var context = Db.Context(m => Models.BlogsAndPosts(m));
        var result = await context.Database.ApplySchemaAsync(new SchemaMigrationOptions { Progress = new Hook(p => steps.Add(p.Step)) });
        Assert.True(result.Applied);
        var distinct = steps.Distinct().ToList();
        Assert.Equal(["lock", "desired", "introspect", "diff", "check", "apply", "verify", "invalidate", "done"], distinct);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add((logLevel, formatter(state, exception)));
            }
        }
    }

    [Fact]
    public async Task The_logger_gets_every_statement_and_warning()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""UPDATE "Posts" SET "BlogId" = 2 WHERE "Id" = 10""");
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Posts").IndexerProperty<string>("Slug").IsRequired();
        }

        var logger = new ListLogger();
        await using var context = Db.Context(Model);
        await context.Database.ApplySchemaAsync(new SchemaMigrationOptions { Logger = logger });
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("\"Slug\"", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Slug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unmanaged_objects_are_listed_and_left_alone()
    {
        await SeedBlogsAndPostsAsync();
        await Db.ExecuteAsync("""CREATE VIEW "PostTitles" AS SELECT "Title" FROM "Posts" """);
        if (Db.IsPostgres)
        {
            await Db.ExecuteAsync("""ALTER TABLE "Blogs" ADD CONSTRAINT "CK_Blogs_Name" CHECK ("Name" <> '')""");
            await Db.ExecuteAsync("""
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                CREATE TRIGGER "TR_Posts_Touch" BEFORE UPDATE ON "Posts" FOR EACH ROW EXECUTE FUNCTION touch();
                """);
        }
        else
        {
            await Db.ExecuteAsync("""CREATE TRIGGER "TR_Posts_Touch" AFTER UPDATE ON "Posts" BEGIN SELECT 1; END""");
        }

        var plan = await Db.PlanAsync(m => Models.BlogsAndPosts(m));
        Assert.Empty(plan.Operations);
        Assert.Contains(plan.Unmanaged, u => u.Kind == "view" && u.Name == "PostTitles");
        Assert.Contains(plan.Unmanaged, u => u.Kind == "trigger" && u.Name == "TR_Posts_Touch" && u.Table == "Posts");
        if (Db.IsPostgres)
        {
            Assert.Contains(plan.Unmanaged, u => u.Kind == "check" && u.Name == "CK_Blogs_Name" && u.Table == "Blogs");
        }

        Assert.Contains("Not managed", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_tables_are_reported_for_cache_invalidation()
    {
        await SeedBlogsAndPostsAsync();
        void Model(ModelBuilder m)
        {
            Models.BlogsAndPosts(m);
            m.Entity("Blogs").IndexerProperty<string?>("Tagline");
            m.Table("Tags");
        }

        var result = await Db.ApplyAsync(Model);
        Assert.Equal(["Blogs", "Tags"], result.ChangedTables.Order(StringComparer.Ordinal));
    }
}
