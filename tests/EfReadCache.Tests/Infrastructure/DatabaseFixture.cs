using System.Data.Common;
using EfReadCache.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Infrastructure;

/// <summary>
///     A fresh database with the test model and seed data, created once per test class. Subclasses choose the provider
///     (and, for store suites, the cache's store).
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private readonly List<string> _extraDatabases = [];

    public abstract string ProviderName { get; }

    public string ConnectionString { get; protected set; } = "";

    public bool IsPostgres => ProviderName == "postgres";

    public abstract DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder builder, string connectionString);

    /// <summary>A connection EF does not see: writes through it are invisible to the cache, like another program's.</summary>
    public abstract DbConnection CreateRawConnection(string? connectionString = null);

    /// <summary>Options for a new cache; store suites set their store here.</summary>
    public virtual ReadCacheOptions CreateCacheOptions() => new() { KeyPrefix = "t" + Guid.NewGuid().ToString("N")[..12] };

    public ReadCache CreateCache(Action<ReadCacheOptions>? configure = null)
    {
        var options = CreateCacheOptions();
        configure?.Invoke(options);
        return new ReadCache(options);
    }

    public TestContext CreateContext(ReadCache? cache, string? connectionString = null, Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<TestContext>();
        UseProvider(builder, connectionString ?? ConnectionString);
        if (cache is not null)
        {
            builder.UseReadCache(cache);
        }

        configure?.Invoke(builder);
        return new TestContext(builder.Options);
    }

    /// <summary>Runs SQL on a connection EF does not see.</summary>
    public async Task<int> ExecuteRawAsync(string sql, string? connectionString = null)
    {
        await using var connection = CreateRawConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Creates another database with the same schema and seed data; dropped with the fixture.</summary>
    public async Task<string> CreateSiblingDatabaseAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        _extraDatabases.Add(connectionString);
        await using var context = CreateContext(null, connectionString);
        await context.Database.EnsureCreatedAsync();
        TestData.Seed(context);
        return connectionString;
    }

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        await using var context = CreateContext(null);
        await context.Database.EnsureCreatedAsync();
        TestData.Seed(context);
    }

    public async Task DisposeAsync()
    {
        foreach (var extra in _extraDatabases)
        {
            await DropDatabaseAsync(extra);
        }

        if (ConnectionString.Length > 0)
        {
            await DropDatabaseAsync(ConnectionString);
        }
    }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync(string connectionString);
}
