namespace EfReadCache.Tool.Tests.Infrastructure;

/// <summary>Where the test servers and the repository are. Loopback defaults match build/services.sh.</summary>
public static class TestEnvironment
{
    public static string PostgresConnectionString
        => Environment.GetEnvironmentVariable("EFREADCACHE_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=55432;Username=efreadcache;Password=efreadcache;Database=efreadcache";

    /// <summary>The repository root: the first folder above the test binaries that holds EfReadCache.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "EfReadCache.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"EfReadCache.sln was not found above {AppContext.BaseDirectory}.");
        }
    }

    public static string Unavailable(string server, string variable, Exception exception)
        => $"{server} is not reachable ({exception.GetType().Name}: {exception.Message}). Start it with `build/services.sh start` "
            + $"or point {variable} at a running server. This is a failure, not a skip.";
}
