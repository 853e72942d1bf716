using EfReadCache.Migrations;
using EfReadCache.Tool.Output;
using EfReadCache.Tool.Protocol;
using EfReadCache.Tool.Worker;

namespace EfReadCache.Tool.Tests.Unit;

public sealed class ReportRendererTests
{
    [Fact]
    public void A_refused_apply_shows_the_operations_the_blocked_items_and_what_to_do()
    {
        var report = new CommandReport
        {
            Command = ToolCommand.Apply,
            ExitCode = ExitCodes.NotClean,
            Plan = new PlanReport
            {
                Operations =
                [
                    new OperationReport { Kind = "AddColumn", Table = "Posts", Column = "Summary", Description = "add column Summary", Sql = ["ALTER TABLE \"Posts\" ADD \"Summary\" text NULL;\n\n"] },
                    new OperationReport { Kind = "DropColumn", Table = "Posts", Column = "Legacy", Description = "drop column Legacy", LosesData = true, Sql = ["ALTER TABLE \"Posts\" DROP COLUMN \"Legacy\";"] },
                ],
                Blocked = [new BlockedReport { Kind = "DropColumn", Table = "Posts", Column = "Legacy", Reason = "dropping loses data", RequiresDataLoss = true }],
                Unmanaged = [new UnmanagedReport { Kind = "view", Name = "recent_posts" }],
                HasDrift = true,
                LosesData = true,
            },
            Error = new ErrorReport { Message = "Nothing was applied.", Hint = "Add --allow-data-loss." },
        };

        var text = Render(report);

        Assert.Contains("2 operation(s) planned:", text);
        Assert.Contains("  1. AddColumn Posts.Summary: add column Summary", text);
        Assert.Contains("       ALTER TABLE \"Posts\" ADD \"Summary\" text NULL;", text);
        Assert.Contains("  2. DropColumn Posts.Legacy: drop column Legacy  [loses data]", text);
        Assert.Contains("  x DropColumn Posts.Legacy: dropping loses data  [needs --allow-data-loss]", text);
        Assert.Contains("  - view recent_posts", text);
        Assert.Contains("error: Nothing was applied.", text);
        Assert.Contains("what to do: Add --allow-data-loss.", text);
        Assert.DoesNotContain("\n       \n", text.Replace("\r", ""));
    }

    [Fact]
    public void Doctor_shows_each_check_its_status_and_the_totals()
    {
        var report = new CommandReport
        {
            Command = ToolCommand.Doctor,
            ExitCode = ExitCodes.NotClean,
            Checks =
            [
                DoctorCheck.Create("build", DoctorCheck.Pass, "built"),
                DoctorCheck.Create("database", DoctorCheck.Fail, "Cannot connect", "Check the connection string."),
                DoctorCheck.Create("schema", DoctorCheck.Skip, "Not checked"),
                DoctorCheck.Create("cache", DoctorCheck.Warn, "No UseReadCache()"),
            ],
        };

        var text = Render(report);

        Assert.Contains("  PASS  build     built", text);
        Assert.Contains("  FAIL  database  Cannot connect", text);
        Assert.Contains("-> Check the connection string.", text);
        Assert.Contains("  SKIP  schema", text);
        Assert.Contains("  WARN  cache", text);
        Assert.Contains("doctor: 1 passed, 1 warning(s), 1 failed, 1 skipped.", text);
    }

    [Fact]
    public void Json_output_is_one_document_with_the_exit_code()
    {
        var output = new StringWriter();
        var console = ToolConsole.CreatePlain(output, TextWriter.Null, json: true);

        console.Render(new CommandReport { Command = ToolCommand.Check, ExitCode = 1, Plan = new PlanReport { HasDrift = true } });

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal("migrate check", json.RootElement.GetProperty("command").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
        Assert.True(json.RootElement.GetProperty("plan").GetProperty("hasDrift").GetBoolean());
    }

    [Fact]
    public void A_refusal_is_told_apart_from_a_failed_operation()
    {
        var blocked = new SchemaPlan("sqlite", [], [], [new BlockedOperation("DropTable", "Old", "loses data") { RequiresDataLoss = true }], []);
        var operation = new SchemaOperation("AddColumn", "Posts", "add", ["ALTER ..."]);

        Assert.True(MigrateRunner.IsRefusal(new SchemaMigrationException("The schema plan has 1 blocked item(s); nothing was applied.", blocked)));
        Assert.False(MigrateRunner.IsRefusal(new SchemaMigrationException("Operation 1 failed", blocked, operation, new InvalidOperationException())));
        Assert.False(MigrateRunner.IsRefusal(new SchemaMigrationException("lock not obtained")));
    }

    private static string Render(CommandReport report)
    {
        var output = new StringWriter();
        ReportRenderer.Render(report, new PlainReportWriter(output), verbose: false);
        return output.ToString();
    }
}
