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

    /// <summary>A connection for test assertions (FLUSHALL, reading keys); use only its asynchronous calls.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(string? configuration = null)
    {
        var options = ConfigurationOptions.Parse(configuration ?? Configuration);
        options.AllowAdmin = true;
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 10_000;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>KEYS over a blocking connection of the store's own client (no thread-pool dependency, unlike SE.Redis sync calls).</summary>
    public static string[] Keys(string pattern)
        => ((object?[])Execute(Configuration, "KEYS", pattern)!).Select(k => System.Text.Encoding.UTF8.GetString((byte[])k!)).ToArray();

    /// <summary>One command over a blocking connection of the store's own client.</summary>
    public static object? Execute(string configuration, params string[] command)
    {
        var options = ConfigurationOptions.Parse(configuration);
        var settings = new EfReadCache.Redis.Internal.RespSettings(
            options.EndPoints[0], options.Password, options.DefaultDatabase, options.Ssl, options.SslHost, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
        using var connection = EfReadCache.Redis.Internal.RespConnection.Open(settings.EndPoint, settings);
        return connection.Execute(command.Select(System.Text.Encoding.UTF8.GetBytes).ToArray());
    }

    private static Exception? Check()
    {
        try
        {
            Execute(Configuration, "PING");
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
