using System.Net;
using StackExchange.Redis;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     A multiplexer used by a store. Stores created from the same configuration string share one multiplexer (counted),
///     so many caches do not open many connections; a multiplexer the application passed in is borrowed, never disposed.
/// </remarks>
public sealed class RedisConnectionLease : IDisposable
{
    private static readonly Dictionary<string, (ConnectionMultiplexer Multiplexer, int Count)> Shared = new(StringComparer.Ordinal);
    private readonly string? _sharedKey;
    private int _disposed;

    private RedisConnectionLease(ConnectionMultiplexer multiplexer, string? sharedKey, ConfigurationOptions configuration)
    {
        Multiplexer = multiplexer;
        _sharedKey = sharedKey;
        Configuration = configuration;
    }

    /// <summary>The multiplexer.</summary>
    public ConnectionMultiplexer Multiplexer { get; }

    /// <summary>The parsed configuration (endpoints, password, database, TLS).</summary>
    public ConfigurationOptions Configuration { get; }

    /// <summary>Connects (or joins the stores already connected) with a configuration string.</summary>
    /// <param name="configuration">The configuration string.</param>
    /// <param name="options">The timeouts to apply.</param>
    /// <returns>The lease.</returns>
    public static RedisConnectionLease Acquire(string configuration, RedisReadCacheOptions options)
    {
        var parsed = ConfigurationOptions.Parse(configuration);
        parsed.AbortOnConnectFail = false;
        parsed.ConnectTimeout = (int)options.ConnectTimeout.TotalMilliseconds;
        parsed.SyncTimeout = (int)options.OperationTimeout.TotalMilliseconds;
        var key = parsed.ToString(includePassword: true);
        lock (Shared)
        {
            if (Shared.TryGetValue(key, out var existing))
            {
                Shared[key] = (existing.Multiplexer, existing.Count + 1);
                return new RedisConnectionLease(existing.Multiplexer, key, parsed);
            }

            // AbortOnConnectFail=false: an unreachable server yields a multiplexer that keeps retrying, never an exception.
            var multiplexer = ConnectionMultiplexer.Connect(parsed);
            Shared[key] = (multiplexer, 1);
            return new RedisConnectionLease(multiplexer, key, parsed);
        }
    }

    /// <summary>Uses a multiplexer the application owns.</summary>
    /// <param name="multiplexer">The multiplexer.</param>
    /// <returns>The lease; disposing it leaves the multiplexer open.</returns>
    public static RedisConnectionLease Borrow(ConnectionMultiplexer multiplexer)
        => new(multiplexer, null, ConfigurationOptions.Parse(multiplexer.Configuration));

    /// <summary>The settings of the blocking connections for synchronous calls: the first endpoint of the configuration.</summary>
    /// <param name="options">The store's options.</param>
    /// <returns>The settings.</returns>
    public RespSettings SyncSettings(RedisReadCacheOptions options)
    {
        var endPoint = Configuration.EndPoints.Count > 0 ? Configuration.EndPoints[0] : new DnsEndPoint("localhost", 6379);
        if (endPoint is DnsEndPoint { Port: 0 } dns)
        {
            endPoint = new DnsEndPoint(dns.Host, Configuration.Ssl ? 6380 : 6379);
        }
        else if (endPoint is IPEndPoint { Port: 0 } ip)
        {
            endPoint = new IPEndPoint(ip.Address, Configuration.Ssl ? 6380 : 6379);
        }

        return new RespSettings(
            endPoint, Configuration.Password, Configuration.DefaultDatabase, Configuration.Ssl, Configuration.SslHost, options.ConnectTimeout,
            options.OperationTimeout);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _sharedKey is null)
        {
            return;
        }

        ConnectionMultiplexer? close = null;
        lock (Shared)
        {
            if (Shared.TryGetValue(_sharedKey, out var entry))
            {
                if (entry.Count <= 1)
                {
                    Shared.Remove(_sharedKey);
                    close = entry.Multiplexer;
                }
                else
                {
                    Shared[_sharedKey] = (entry.Multiplexer, entry.Count - 1);
                }
            }
        }

        close?.Dispose();
    }
}
