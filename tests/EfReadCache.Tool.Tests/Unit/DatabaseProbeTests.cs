using EfReadCache.Tool.Worker;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tool.Tests.Unit;

public sealed class DatabaseProbeTests
{
    [Theory]
    [InlineData("Host=db;Port=5432;Username=app;Password=s3cret;Database=shop", "Host=db;Port=5432;Username=app;Database=shop")]
    [InlineData("Server=db;User Id=sa;Pwd=s3cret;Initial Catalog=shop", "Server=db;User Id=sa;Initial Catalog=shop")]
    [InlineData("Data Source=/tmp/app.db", "Data Source=/tmp/app.db")]
    public void Secrets_are_removed_from_the_connection_string_shown(string connectionString, string expected)
    {
        Assert.Equal(expected, DatabaseProbe.Redact(connectionString));
    }

    [Fact]
    public async Task An_unreachable_database_is_the_database_unreachable_error_with_what_to_do()
    {
        var missing = Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N"), "app.db");
        await using var context = new SqliteContext(new DbContextOptionsBuilder<SqliteContext>().UseSqlite("Data Source=" + missing).Options);

        var error = await Assert.ThrowsAsync<ToolException>(() => DatabaseProbe.EnsureReachableAsync(context, CancellationToken.None));

        Assert.Equal(ExitCodes.DatabaseUnreachable, error.ExitCode);
        Assert.Contains("Cannot connect to the database (Data Source=" + missing + ")", error.Message);
        Assert.Contains("unable to open database file", error.Message);
        Assert.Contains("--connection", error.Hint);
    }

    [Fact]
    public async Task The_connection_option_replaces_the_configured_connection_string()
    {
        await using var context = new SqliteContext(new DbContextOptionsBuilder<SqliteContext>().UseSqlite("Data Source=/nowhere/app.db").Options);
        var created = new CreatedContext(context, "test");

        var report = DatabaseProbe.Describe(created, "Data Source=:memory:");
        await DatabaseProbe.EnsureReachableAsync(context, CancellationToken.None);

        Assert.Equal("Data Source=:memory:", report.Database);
        Assert.Equal(DatabaseProbe.SqliteProvider, report.Provider);
        Assert.True(DatabaseProbe.IsSupported(report.Provider));
        Assert.False(DatabaseProbe.IsSupported("Microsoft.EntityFrameworkCore.SqlServer"));
    }

    public sealed class SqliteContext(DbContextOptions<SqliteContext> options) : DbContext(options);
}
