using EfReadCache.Benchmarks.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EfReadCache.Benchmarks.Infrastructure;

/// <summary>
///     The two seeded databases every benchmark reads: a SQLite file and a dedicated PostgreSQL database (efrc_bench on
///     the loopback server of build/services.sh). Both are created and seeded once, deterministically.
/// </summary>
public static class BenchDatabases
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    /// <summary>A name for this run: databases and files are private to it, so runs that overlap do not collide.</summary>
    public static string RunId { get; } = $"{Environment.ProcessId}_{Random.Shared.Next(100_000):D5}";

    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), "efrc-bench", RunId);

    public static string SqliteConnectionString { get; } = $"Data Source={Path.Combine(Directory, "blogs.db")}";

    /// <summary>The benchmark database on the PostgreSQL server.</summary>
    public static string PostgresName { get; } = "efrc_bench_" + RunId;

    public static string PostgresConnectionString => PostgresDatabase(PostgresName);

    /// <summary>The connection string of a database on the test server (EFREADCACHE_TEST_PG, loopback default).</summary>
    public static string PostgresDatabase(string database)
    {
        var server = Environment.GetEnvironmentVariable("EFREADCACHE_TEST_PG")
            ?? "Host=127.0.0.1;Port=55432;Username=efreadcache;Password=efreadcache;Database=efreadcache";
        return new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }

    public static DbContextOptions<BlogContext> Sqlite() => new DbContextOptionsBuilder<BlogContext>().UseSqlite(SqliteConnectionString).Options;

    public static DbContextOptions<BlogContext> Postgres() => new DbContextOptionsBuilder<BlogContext>().UseNpgsql(PostgresConnectionString).Options;

    public static async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_ready)
            {
                return;
            }

            System.IO.Directory.CreateDirectory(Directory);
            await EnsurePostgresDatabaseAsync(PostgresName);
            await EnsureSeededAsync(Sqlite());
            await EnsureSeededAsync(Postgres());
            _ready = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Drops this run's databases and files.</summary>
    public static async Task CleanupAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }

        await DropPostgresDatabaseAsync(PostgresName);
    }

    public static async Task EnsurePostgresDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase("efreadcache"));
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public static async Task DropPostgresDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresDatabase("efreadcache"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task EnsureSeededAsync(DbContextOptions<BlogContext> options)
    {
        await using (var context = new BlogContext(options))
        {
            try
            {
                if (await context.Posts.CountAsync() == Seed.Blogs * Seed.PostsPerBlog
                    && await context.Set<Dictionary<string, object>>("PostTag").CountAsync() == Seed.Blogs * Seed.PostsPerBlog * Seed.TagsPerPost)
                {
                    return;
                }
            }
            catch (Exception)
            {
                // Not created yet, or created by an older model: recreate below.
            }
        }

        await using (var context = new BlogContext(options))
        {
            if (context.Database.IsSqlite())
            {
                await context.Database.EnsureDeletedAsync();
            }
            else
            {
                await context.Database.ExecuteSqlRawAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
            }

            await context.Database.EnsureCreatedAsync();
            await Seed.FillAsync(context);
        }
    }
}
