using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests.Infrastructure;

/// <summary>A temporary SQLite file per test.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"efrc_mig_{Guid.NewGuid():N}.db");

    public override bool IsPostgres => false;

    public override string ConnectionString => $"Data Source={_path};Pooling=False";

    protected override void Configure(DbContextOptionsBuilder<ScenarioContext> builder) => builder.UseSqlite(ConnectionString);

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-journal", _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        return ValueTask.CompletedTask;
    }
}
