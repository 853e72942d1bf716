using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EfReadCache.Migrations.Tests.Infrastructure;

/// <summary>
///     A fresh PostgreSQL database per test (<c>efrc_mig_&lt;guid&gt;</c>) on the server named by EFREADCACHE_TEST_PG,
///     dropped at the end, so tests never touch anyone else's tables. An unreachable server fails the test.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Username=efreadcache;Password=efreadcache;Database=efreadcache";

    private readonly string _adminConnectionString;
    private readonly string _name;

    private PostgresTestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    public override bool IsPostgres => true;

    public override string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("EFREADCACHE_TEST_PG") is { Length: > 0 } value ? value : DefaultConnectionString;
        var database = new PostgresTestDatabase(admin, "efrc_mig_" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database._name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable with EFREADCACHE_TEST_PG ({new NpgsqlConnectionStringBuilder(admin) { Password = null }}). "
                + "Start it with `eval \"$(build/services.sh start)\"`. " + exception.Message,
                exception);
        }

        return database;
    }

    protected override void Configure(DbContextOptionsBuilder<ScenarioContext> builder) => builder.UseNpgsql(ConnectionString);

    protected override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
