using EfReadCache.Redis;
using EfReadCache.Tests.Infrastructure;
using StackExchange.Redis;

namespace EfReadCache.Tests.Redis;

/// <summary>The shared Redis of build/services.sh (EFREADCACHE_TEST_REDIS). Unreachable means a failed test, with what to do.</summary>
public static class RedisTestServer
{
    private static readonly Lazy<Exception?> Reachable = new(Check);

    public static string Configuration => TestEnvironment.RedisConfiguration;

    public static RedisReadCacheStoreFactory Factory(Action<RedisReadCacheOptions>? configure = null)
    {
        EnsureReachable();
        var options = new RedisReadCacheOptions();
        configure?.Invoke(options);
        return new RedisReadCacheStoreFactory(Configuration, options);
    }

    public static void EnsureReachable()
    {
        if (Reachable.Value is { } exception)
        {
            throw new InvalidOperationException(TestEnvironment.Unavailable("Redis", "EFREADCACHE_TEST_REDIS", exception), exception);
        }
    }

    /// <summary>A connection for test assertions (FLUSHALL, reading keys).</summary>
    public static ConnectionMultiplexer Connect(string? configuration = null)
    {
        var options = ConfigurationOptions.Parse(configuration ?? Configuration);
        options.AllowAdmin = true;
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }

    private static Exception? Check()
    {
        try
        {
            var options = ConfigurationOptions.Parse(Configuration);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 5000;
            using var multiplexer = ConnectionMultiplexer.Connect(options);
            multiplexer.GetDatabase().Ping();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
