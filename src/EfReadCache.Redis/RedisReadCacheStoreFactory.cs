using EfReadCache.Redis.Internal;
using EfReadCache.Storage;
using StackExchange.Redis;

namespace EfReadCache.Redis;

/// <summary>
///     Creates the Redis store: entries and table tokens in Redis, an in-process L1 in front, invalidations shared by
///     pub/sub. Two factories are equal when they name the same configuration string (or the same multiplexer instance)
///     with equal options, so contexts configured alike share one cache.
/// </summary>
public sealed class RedisReadCacheStoreFactory : IReadCacheStoreFactory, IReadCacheStoreProbe
{
    /// <summary>Creates a factory that connects with a StackExchange.Redis configuration string.</summary>
    /// <param name="configuration">For example <c>localhost:6379,password=secret</c>.</param>
    /// <param name="options">The store's options; copied.</param>
    public RedisReadCacheStoreFactory(string configuration, RedisReadCacheOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        Configuration = configuration;
        Options = (options ?? new RedisReadCacheOptions()).Duplicate();
        Options.Validate();
        ConfigurationOptions.Parse(configuration); // fails now, with the parser's message, rather than at first use
    }

    /// <summary>Creates a factory over a multiplexer the application owns (and disposes).</summary>
    /// <param name="multiplexer">The connection.</param>
    /// <param name="options">The store's options; copied.</param>
    public RedisReadCacheStoreFactory(ConnectionMultiplexer multiplexer, RedisReadCacheOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        Multiplexer = multiplexer;
        Options = (options ?? new RedisReadCacheOptions()).Duplicate();
        Options.Validate();
    }

    /// <summary>The configuration string, when the store connects by itself.</summary>
    public string? Configuration { get; }

    /// <summary>The application's multiplexer, when it was given one.</summary>
    public ConnectionMultiplexer? Multiplexer { get; }

    /// <summary>The store's options (do not change them after the factory is created).</summary>
    public RedisReadCacheOptions Options { get; }

    /// <inheritdoc />
    public IReadCacheStore Create(StoreContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = Multiplexer is not null
            ? RedisConnectionLease.Borrow(Multiplexer)
            : RedisConnectionLease.Acquire(Configuration!, Options);
        return new RedisReadCacheStore(context, Options, connection);
    }

    /// <inheritdoc />
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        if (Multiplexer is not null)
        {
            await Multiplexer.GetDatabase().PingAsync().WaitAsync(Options.OperationTimeout, cancellationToken).ConfigureAwait(false);
            return;
        }

        var configuration = ConfigurationOptions.Parse(Configuration!);
        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = (int)Options.ConnectTimeout.TotalMilliseconds;
        configuration.SyncTimeout = (int)Options.OperationTimeout.TotalMilliseconds;
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).WaitAsync(Options.ConnectTimeout * 2, cancellationToken)
            .ConfigureAwait(false);
        await multiplexer.GetDatabase().PingAsync().WaitAsync(Options.OperationTimeout, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj)
        => obj is RedisReadCacheStoreFactory other
            && string.Equals(Configuration, other.Configuration, StringComparison.Ordinal)
            && ReferenceEquals(Multiplexer, other.Multiplexer)
            && Options.Equals(other.Options);

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(Configuration, Multiplexer is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Multiplexer), Options);

    /// <inheritdoc />
    public override string ToString() => "Redis";
}
