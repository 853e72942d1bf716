namespace EfReadCache.Storage;

/// <summary>
///     Implemented by a store that can serve EF's synchronous paths without blocking on a task. When the store
///     implements it, a synchronous query or SaveChanges calls these members instead of waiting on the asynchronous ones.
/// </summary>
/// <remarks>
///     <para>
///         Waiting synchronously on an asynchronous network call ties up a thread-pool thread until another pool thread
///         runs the call's completion; many such waits at once starve the pool (StackExchange.Redis 1.x then times out).
///         A store that implements this interface does its synchronous I/O on the calling thread with no dependency on
///         other pool threads, as a synchronous database call does.
///     </para>
///     <para>The contract of each member is that of its asynchronous twin on <see cref="IReadCacheStore" />.</para>
/// </remarks>
public interface IReadCacheSyncStore
{
    /// <summary>The synchronous form of <see cref="IReadCacheStore.LookupAsync" />.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="tables">The tables the query reads.</param>
    /// <returns>The entry when it is valid, else the token snapshot, or a pending result.</returns>
    StoreLookup Lookup(CacheKey key, TableSet tables);

    /// <summary>The synchronous form of <see cref="IReadCacheStore.TryStoreAsync" />.</summary>
    /// <param name="key">The entry's key.</param>
    /// <param name="entry">The entry with its token snapshot.</param>
    /// <returns>Whether the entry was stored.</returns>
    bool TryStore(CacheKey key, CacheEntry entry);

    /// <summary>The synchronous form of <see cref="IReadCacheStore.BeginWriteAsync" />.</summary>
    /// <param name="tables">The tables the write may change.</param>
    /// <param name="lease">How long the pending mark holds without an end.</param>
    /// <returns>The ticket.</returns>
    WriteTicket BeginWrite(TableSet tables, TimeSpan lease);

    /// <summary>The synchronous form of <see cref="IReadCacheStore.EndWriteAsync" />.</summary>
    /// <param name="ticket">The ticket from <see cref="BeginWrite" />.</param>
    void EndWrite(WriteTicket ticket);
}
