using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Infrastructure;

/// <summary>A SQLite database in a temporary file.</summary>
public class SqliteFixture : DatabaseFixture
{
    public override string ProviderName => "sqlite";

    public override DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder builder, string connectionString)
        => builder.UseSqlite(connectionString);

    public override DbConnection CreateRawConnection(string? connectionString = null) => new SqliteConnection(connectionString ?? ConnectionString);

    protected override Task<string> CreateDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "efrc-test-" + Guid.NewGuid().ToString("N") + ".db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
    }

    protected override Task DropDatabaseAsync(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
        }

        return Task.CompletedTask;
    }
}
