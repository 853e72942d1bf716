using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EfReadCache.Tests.Infrastructure;

/// <summary>
///     A fresh PostgreSQL database on the server named by EFREADCACHE_TEST_PG (default: the one build/services.sh starts).
///     An unreachable server fails the fixture, with what to do; tests never skip silently.
/// </summary>
public class PostgresFixture : DatabaseFixture
{
    public override string ProviderName => "postgres";

    public override DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder builder, string connectionString)
        => builder.UseNpgsql(connectionString, o => o.MapEnum<Model.Mood>("mood"));

    public override DbConnection CreateRawConnection(string? connectionString = null) => new NpgsqlConnection(connectionString ?? ConnectionString);

    protected override async Task<string> CreateDatabaseAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString);
        var name = "efrc_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(TestEnvironment.Unavailable("PostgreSQL", "EFREADCACHE_TEST_PG", exception), exception);
        }

        admin.Database = name;
        admin.MaxPoolSize = 200;
        return admin.ConnectionString;
    }

    protected override async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
