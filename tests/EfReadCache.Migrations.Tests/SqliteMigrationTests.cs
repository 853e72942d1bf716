using EfReadCache.Migrations.Tests.Infrastructure;

namespace EfReadCache.Migrations.Tests;

/// <summary>The scenario matrix on SQLite (a temporary file per test).</summary>
public sealed class SqliteMigrationTests : MigrationScenarioTestBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
