using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Sample.Data;

/// <summary>Where the sample's database lives: SQLite by default, PostgreSQL when asked.</summary>
public static class SampleDatabase
{
    /// <summary>The environment variable that selects the provider: <c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public const string ProviderVariable = "EFREADCACHE_SAMPLE_PROVIDER";

    /// <summary>The environment variable that overrides the connection string.</summary>
    public const string ConnectionVariable = "EFREADCACHE_SAMPLE_CONNECTION";

    public static string Provider => (Environment.GetEnvironmentVariable(ProviderVariable) ?? "sqlite").Trim().ToLowerInvariant();

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured
            ? configured
            : Provider == "postgres"
                ? "Host=127.0.0.1;Port=55432;Username=efreadcache;Password=efreadcache;Database=efreadcache_sample"
                : "Data Source=" + Path.Combine(AppContext.BaseDirectory, "sample.db");

    public static DbContextOptionsBuilder<BlogContext> Configure(DbContextOptionsBuilder<BlogContext> builder, string? connectionString = null)
    {
        connectionString ??= ConnectionString;
        return Provider switch
        {
            "sqlite" => builder.UseSqlite(connectionString),
            "postgres" or "postgresql" or "npgsql" => builder.UseNpgsql(connectionString),
            var other => throw new InvalidOperationException(
                $"{ProviderVariable}='{other}' is not a supported provider. Use 'sqlite' (the default) or 'postgres'."),
        };
    }
}
