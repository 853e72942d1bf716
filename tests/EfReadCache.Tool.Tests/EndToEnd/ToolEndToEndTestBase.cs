using System.Text.Json;
using EfReadCache.Tool.Tests.Infrastructure;

namespace EfReadCache.Tool.Tests.EndToEnd;

/// <summary>
///     The installed tool against the sample project, once per provider: plan shows the pending change, apply applies it,
///     check returns 0 and then 1 after a manual drift, doctor passes and then reports a broken connection string as a
///     failed check with a clear message.
/// </summary>
public abstract class ToolEndToEndTestBase : IAsyncLifetime
{
    protected ToolEndToEndTestBase(ToolInstallation tool)
    {
        Tool = tool;
    }

    protected ToolInstallation Tool { get; }

    /// <summary>The sample's EFREADCACHE_SAMPLE_PROVIDER value.</summary>
    protected abstract string Provider { get; }

    /// <summary>The fresh database's connection string (set by <see cref="CreateDatabaseAsync" />).</summary>
    protected string ConnectionString { get; private set; } = "";

    /// <summary>A connection string that cannot work, and the words the tool must report for it.</summary>
    protected abstract (string ConnectionString, string ExpectedMessage) BrokenConnection { get; }

    public async Task InitializeAsync() => ConnectionString = await CreateDatabaseAsync();

    public Task DisposeAsync() => DropDatabaseAsync();

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>Runs SQL behind the tool's back (the manual drift).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    [Fact]
    public async Task Plan_apply_check_and_doctor_work_against_the_sample()
    {
        var project = Tool.SampleProject;

        // plan builds the sample, shows the pending change (the tables do not exist yet) and changes nothing.
        var plan = await Run("migrate", "plan", "--project", project);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("CREATE TABLE", plan.StandardOutput);
        Assert.Contains("Comments", plan.StandardOutput);
        Assert.Contains("Apply with: dotnet readcache migrate apply", plan.StandardOutput);

        var pending = await Run("migrate", "check", "--project", project, "--no-build");
        Assert.True(pending.ExitCode == 1, "plan must not have changed the database; " + pending);

        // apply applies it.
        var apply = await Run("migrate", "apply", "--project", project, "--no-build");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Contains("Applied", apply.StandardOutput);

        // check: 0 while the database matches the model...
        var clean = await Run("migrate", "check", "--project", project, "--no-build");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Contains("No drift", clean.StandardOutput);

        var healthy = await Run("doctor", "--project", project, "--no-build");
        Assert.True(healthy.ExitCode == 0, healthy.ToString());
        Assert.Contains("PASS  database", healthy.StandardOutput);
        Assert.Contains("PASS  schema", healthy.StandardOutput);
        Assert.DoesNotContain("FAIL", healthy.StandardOutput);

        // ...and 1 after someone changed the schema by hand; --json says the same for machines.
        await ExecuteSqlAsync("DROP TABLE \"Comments\"");
        var drift = await Run("migrate", "check", "--project", project, "--no-build", "--json");
        Assert.True(drift.ExitCode == 1, drift.ToString());
        using (var json = JsonDocument.Parse(drift.StandardOutput))
        {
            Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
            var driftPlan = json.RootElement.GetProperty("plan");
            Assert.True(driftPlan.GetProperty("hasDrift").GetBoolean(), drift.StandardOutput);
            Assert.Contains(
                driftPlan.GetProperty("operations").EnumerateArray(),
                o => o.GetProperty("table").GetString() == "Comments" && o.GetProperty("kind").GetString() == "CreateTable");
        }

        // doctor reports a broken connection string as a failed check, saying what is wrong and what to do.
        var (broken, expected) = BrokenConnection;
        var doctor = await Run("doctor", "--project", project, "--no-build", "--connection", broken);
        Assert.True(doctor.ExitCode == 1, doctor.ToString());
        var databaseLine = doctor.StandardOutput.Split('\n').SingleOrDefault(l => l.Contains("FAIL  database", StringComparison.Ordinal));
        Assert.True(databaseLine is not null, doctor.ToString());
        Assert.Contains("Cannot connect to the database", databaseLine);
        Assert.Contains(expected, databaseLine, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("pass --connection to override it", doctor.StandardOutput);
        Assert.Contains("SKIP  schema", doctor.StandardOutput);
    }

    private Task<ProcessResult> Run(params string[] arguments)
        => Tool.ReadCache(
            new Dictionary<string, string?>
            {
                ["EFREADCACHE_SAMPLE_PROVIDER"] = Provider,
                ["EFREADCACHE_SAMPLE_CONNECTION"] = ConnectionString,
            },
            arguments);
}
