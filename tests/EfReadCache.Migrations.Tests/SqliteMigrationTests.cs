using EfReadCache.Migrations.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace EfReadCache.Migrations.Tests;

/// <summary>The scenario matrix on SQLite (a temporary file per test).</summary>
public sealed class SqliteMigrationTests : MigrationScenarioTestBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());

    protected override async Task<IAsyncDisposable> HoldMigrationLockAsync()
    {
        var connection = new SqliteConnection(Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
