using Microsoft.Data.Sqlite;

namespace EfReadCache.Tool.Tests.EndToEnd;

[Collection(ToolCollection.Name)]
public sealed class SqliteToolEndToEndTests(ToolInstallation tool) : ToolEndToEndTestBase(tool)
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "efrc-tool-" + Guid.NewGuid().ToString("N") + ".db");

    protected override string Provider => "sqlite";

    protected override (string ConnectionString, string ExpectedMessage) BrokenConnection
        => ("Data Source=" + Path.Combine(Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N"), "app.db"), "unable to open database file");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult("Data Source=" + path);

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
