using EfReadCache.Tool.Tests.Infrastructure;
using Npgsql;

namespace EfReadCache.Tool.Tests.EndToEnd;

[Collection(ToolCollection.Name)]
public sealed class PostgresToolEndToEndTests(ToolInstallation tool) : ToolEndToEndTestBase(tool)
{
    private readonly string database = "efrc_tool_" + Guid.NewGuid().ToString("N")[..16];

    protected override string Provider => "postgres";

    // Nothing listens on port 1 of the loopback interface.
    protected override (string ConnectionString, string ExpectedMessage) BrokenConnection
        => ("Host=127.0.0.1;Port=1;Username=efreadcache;Password=wrong;Database=" + database + ";Timeout=5", "Connection refused");

    protected override async Task<string> CreateDatabaseAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{database}\"";
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(TestEnvironment.Unavailable("PostgreSQL", "EFREADCACHE_TEST_PG", exception), exception);
        }

        return new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = database, Pooling = false }.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
