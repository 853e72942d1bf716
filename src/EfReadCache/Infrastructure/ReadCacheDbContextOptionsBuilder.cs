using System.ComponentModel;
using EfReadCache.Storage;

namespace EfReadCache.Infrastructure;

/// <summary>
///     Configures EfReadCache inside <c>UseReadCache(o =&gt; ...)</c>. Every method returns the same builder so that
///     calls can be chained.
/// </summary>
public class ReadCacheDbContextOptionsBuilder
{
    /// <summary>Creates a builder over options.</summary>
    /// <param name="options">The options being built.</param>
    public ReadCacheDbContextOptionsBuilder(ReadCacheOptions options) => Options = options;

    /// <summary>The options being built.</summary>
    public virtual ReadCacheOptions Options { get; }

    /// <summary>Sets how long entries live when a query does not say (<c>Cacheable(ttl)</c> overrides it).</summary>
    /// <param name="expiration">The time to live; greater than zero.</param>
    /// <param name="sliding">Whether each hit extends the entry's life.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder DefaultExpiration(TimeSpan expiration, bool sliding = false)
        => With(o =>
        {
            o.DefaultExpiration = expiration;
            o.SlidingExpiration = sliding;
        });

    /// <summary>
    ///     Caches every query, not only those marked <c>Cacheable()</c>, optionally limited to some tables.
    /// </summary>
    /// <param name="include">When given, only queries whose tables are all in this list are cached.</param>
    /// <param name="exclude">Queries that read any of these tables are never cached by the policy.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder CacheAllQueries(IEnumerable<string>? include = null, IEnumerable<string>? exclude = null)
        => With(o =>
        {
            o.CacheAllQueries = true;
            o.IncludedTables.UnionWith(include ?? []);
            o.ExcludedTables.UnionWith(exclude ?? []);
        });

    /// <summary>Bounds the in-memory store by entries.</summary>
    /// <param name="maxEntries">The most entries to keep.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder MaxEntries(long maxEntries) => With(o => o.MaxEntries = maxEntries);

    /// <summary>Bounds the in-memory store by measured bytes.</summary>
    /// <param name="maxBytes">The most bytes to keep.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder MaxBytes(long maxBytes) => With(o => o.MaxBytes = maxBytes);

    /// <summary>Results with more rows are returned but not cached.</summary>
    /// <param name="maxRows">The most rows a cached result may have.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder MaxRowsPerResult(int maxRows) => With(o => o.MaxRowsPerResult = maxRows);

    /// <summary>Prefixes every key, to keep applications that share a store apart.</summary>
    /// <param name="prefix">Letters, digits, '-', '_', '.' or ':'.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder KeyPrefix(string prefix) => With(o => o.KeyPrefix = prefix);

    /// <summary>How long a write's pending mark holds if the writer never reports back.</summary>
    /// <param name="lease">Between 1 second and 1 day.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder PendingWriteLease(TimeSpan lease) => With(o => o.PendingWriteLease = lease);

    /// <summary>Serves and stores entries inside snapshot transactions (above READ COMMITTED, and SQLite transactions).</summary>
    /// <param name="enabled">Whether to cache inside such transactions.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder CacheInSnapshotTransactions(bool enabled = true)
        => With(o => o.CacheInSnapshotTransactions = enabled);

    /// <summary>Uses a store other than the in-memory one (for example Redis).</summary>
    /// <param name="factory">Creates the store; compared by value to decide whether configurations share a cache.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder UseStore(IReadCacheStoreFactory factory) => With(o => o.StoreFactory = factory);

    /// <summary>Uses another clock for expiration and leases (tests).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public virtual ReadCacheDbContextOptionsBuilder UseTimeProvider(TimeProvider timeProvider) => With(o => o.TimeProvider = timeProvider);

    /// <summary>Changes the options directly.</summary>
    /// <param name="configure">Changes to make.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    protected virtual ReadCacheDbContextOptionsBuilder With(Action<ReadCacheOptions> configure)
    {
        configure(Options);
        return this;
    }

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override string? ToString() => base.ToString();

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals(object? obj) => base.Equals(obj);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => base.GetHashCode();
}
