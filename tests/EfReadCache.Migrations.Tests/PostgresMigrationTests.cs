using EfReadCache.Migrations.Tests.Infrastructure;

namespace EfReadCache.Migrations.Tests;

/// <summary>The scenario matrix on PostgreSQL (a fresh database per test).</summary>
public sealed class PostgresMigrationTests : MigrationScenarioTestBase
{
    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();
}
