using System.Diagnostics;
using EfReadCache.Diagnostics;
using EfReadCache.Diagnostics.Internal;
using EfReadCache.Internal;
using EfReadCache.Internal.Replay;
using EfReadCache.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EfReadCache;

/// <summary>
///     One query cache: its store, table tokens, singleflight, statistics and events. Every context configured with the
///     same options (or given this instance) shares it. Thread-safe.
/// </summary>
/// <remarks>
///     Reach the cache of a context with <c>context.GetReadCache()</c>; create one yourself with
///     <c>new ReadCache(options)</c> or <c>services.AddEfReadCache(...)</c> and pass it to <c>UseReadCache(cache)</c>.
/// </remarks>
public sealed class ReadCache : IDisposable
{
    /// <summary>The pseudo-table every query depends on; a write whose tables cannot be known writes it.</summary>
    internal const string AllTables = "*";

    private readonly ILogger _logger;

    /// <summary>Creates a cache.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="loggerFactory">Where the cache logs what it does outside any context (store faults); EF's logger is used inside queries.</param>
    /// <exception cref="ReadCacheConfigurationException">An option is invalid.</exception>
    public ReadCache(ReadCacheOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options.Duplicate();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("EfReadCache");
        Events = new ReadCacheEvents(_logger);
        Insights = new ReadCacheInsights(Events, Options.KeyPrefix);
        var factory = Options.StoreFactory ?? MemoryReadCacheStoreFactory.Instance;
        Store = factory.Create(new StoreContext(Options, _logger, (reason, count) => Insights.Evicted(this, reason, count)));
    }

    /// <summary>The options this cache runs with (a copy; changing it changes nothing).</summary>
    public ReadCacheOptions Options { get; }

    /// <summary>Hit, miss, store, evict, invalidate and bypass events.</summary>
    public ReadCacheEvents Events { get; }

    internal IReadCacheStore Store { get; }

    /// <summary>The store's synchronous form, used on EF's synchronous paths so they never wait on a task.</summary>
    internal IReadCacheSyncStore? SyncStore => Store as IReadCacheSyncStore;

    internal ReadCacheInsights Insights { get; }

    internal CommandPlanCache Plans { get; } = new();

    internal SingleFlight<FlightKey, BufferedResult> Flights { get; } = new();

    internal TransactionRegistry Transactions { get; } = new();

    internal ILogger Logger => _logger;

    internal ReadCacheTestHooks? TestHooks { get; set; }

    internal StoreFaultLog StoreFaults { get; } = new();

    /// <summary>Counters since the cache was created (or last reset): hits, misses, ratio, entries, bytes, evictions, bypasses.</summary>
    /// <returns>A snapshot.</returns>
    public ReadCacheStatistics GetStatistics() => Insights.Snapshot(Store.GetStatistics());

    /// <summary>Sets the counters back to zero (entries and bytes still report what the store holds).</summary>
    public void ResetStatistics() => Insights.Reset();

    /// <summary>Invalidates every cached result that depends on any of these tables in the context's database.</summary>
    /// <param name="context">A context connected to the database.</param>
    /// <param name="tables">Table names, optionally schema-qualified; case does not matter.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entries can no longer be served.</returns>
    public Task InvalidateAsync(DbContext context, IEnumerable<string> tables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tables);
        var names = new HashSet<string>(tables.Select(TableSet.Normalize), StringComparer.Ordinal);
        ModelTableMap.For(context.Model).AddCascades(names);
        var database = DatabaseIdentity.Of(context.Database.GetDbConnection());
        return InvalidateAsync(new TableSet(database, names), cancellationToken);
    }

    /// <summary>Invalidates every cached result of every database.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when nothing cached before the call can be served.</returns>
    public async Task InvalidateAllAsync(CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        await Store.InvalidateAllAsync(cancellationToken).ConfigureAwait(false);
        Insights.Invalidated(this, [AllTables], Stopwatch.GetElapsedTime(start));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Store.Dispose();
        Insights.Dispose();
    }

    internal async Task InvalidateAsync(TableSet tables, CancellationToken cancellationToken)
    {
        if (tables.Count == 0)
        {
            return;
        }

        var start = Stopwatch.GetTimestamp();
        await Store.InvalidateAsync(tables, cancellationToken).ConfigureAwait(false);
        Insights.Invalidated(this, tables.Tables, Stopwatch.GetElapsedTime(start));
    }
}
