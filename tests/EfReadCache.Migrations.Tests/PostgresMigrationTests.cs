using EfReadCache.Migrations.Tests.Infrastructure;
using Npgsql;

namespace EfReadCache.Migrations.Tests;

/// <summary>The scenario matrix on PostgreSQL (a fresh database per test).</summary>
public sealed class PostgresMigrationTests : MigrationScenarioTestBase
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();

    protected override async Task<IAsyncDisposable> HoldMigrationLockAsync()
    {
        var connection = new NpgsqlConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pg_advisory_lock(hashtextextended('efreadcache:migrations:' || current_database() || ':' || current_schema(), 0))", connection);
        await command.ExecuteNonQueryAsync();
        return new Unlock(connection);
    }

    /// <summary>Releases the session lock explicitly: a pooled connection is only reset when it is next used.</summary>
    private sealed class Unlock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection))
            {
                await command.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
