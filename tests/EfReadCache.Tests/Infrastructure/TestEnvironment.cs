namespace EfReadCache.Tests.Infrastructure;

/// <summary>Where the test servers are. Loopback defaults match build/services.sh.</summary>
public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("CI") == "1";

    public static string PostgresConnectionString
        => Environment.GetEnvironmentVariable("EFREADCACHE_TEST_PG") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=55432;Username=efreadcache;Password=efreadcache;Database=efreadcache";

    public static string RedisConfiguration
        => Environment.GetEnvironmentVariable("EFREADCACHE_TEST_REDIS") is { Length: > 0 } configured
            ? configured
            : "127.0.0.1:56379,password=efreadcache";

    public static string Unavailable(string server, string variable, Exception exception)
        => $"{server} is not reachable ({exception.GetType().Name}: {exception.Message}). Start it with `build/services.sh start` "
            + $"or point {variable} at a running server. With CI=true this is a failure, not a skip.";
}
