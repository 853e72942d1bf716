namespace EfReadCache.Storage;

/// <summary>
///     Keeps cache entries and the per-table version tokens that decide whether an entry is still valid.
/// </summary>
/// <remarks>
///     <para>
///         The contract is the correctness model of EfReadCache: every table has a token that never repeats; an entry
///         carries the tokens its tables had before its query ran; a lookup is a hit only when every carried token still
///         equals the current one and no table is pending. A write marks its tables pending and replaces their tokens
///         (<see cref="BeginWriteAsync" />), then replaces them again and releases the mark once the write is visible
///         (<see cref="EndWriteAsync" />). A store is a compare-and-set against the snapshot the entry carries.
///     </para>
///     <para>
///         Every member is asynchronous and may complete synchronously. Implementations must be thread-safe and must not
///         throw for a corrupt entry: treat it as a miss.
///     </para>
/// </remarks>
public interface IReadCacheStore : IDisposable
{
    /// <summary>Looks up an entry and, in the same step, reads the current tokens of the tables it depends on.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="tables">The tables the query reads, as normalized by EfReadCache (lower case, no schema).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The entry when it is valid, else the token snapshot to carry into a store, or a pending result.</returns>
    ValueTask<StoreLookup> LookupAsync(CacheKey key, TableSet tables, CancellationToken cancellationToken = default);

    /// <summary>
    ///     Stores the entry only if the current tokens of its tables still equal <see cref="CacheEntry.Tokens" /> and no
    ///     table is pending (compare-and-set).
    /// </summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="entry">The entry with the token snapshot taken before its query ran.</param>
    /// <param name="cancellationToken">Cancels the store.</param>
    /// <returns><see langword="true" /> if stored; <see langword="false" /> if a token moved, a table is pending or the entry is too large.</returns>
    ValueTask<bool> TryStoreAsync(CacheKey key, CacheEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Marks the tables pending (a counted mark with a lease) and replaces their tokens, before a write runs.</summary>
    /// <param name="tables">The tables the write may change, with their database.</param>
    /// <param name="lease">How long the pending mark holds if <see cref="EndWriteAsync" /> never comes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A ticket to pass to <see cref="EndWriteAsync" />.</returns>
    ValueTask<WriteTicket> BeginWriteAsync(TableSet tables, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Replaces the tokens again and releases the pending mark, once the write is visible (or rolled back).</summary>
    /// <param name="ticket">The ticket from <see cref="BeginWriteAsync" />.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tokens are replaced.</returns>
    ValueTask EndWriteAsync(WriteTicket ticket, CancellationToken cancellationToken = default);

    /// <summary>Replaces the tokens of the tables, so that every entry that depends on any of them is no longer served.</summary>
    /// <param name="tables">The tables to invalidate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the tokens are replaced.</returns>
    ValueTask InvalidateAsync(TableSet tables, CancellationToken cancellationToken = default);

    /// <summary>Invalidates every entry of every database.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when nothing stored before it can be served.</returns>
    ValueTask InvalidateAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts of what the store holds and has evicted.</summary>
    /// <returns>A snapshot of the store's counters.</returns>
    StoreStatistics GetStatistics();
}
