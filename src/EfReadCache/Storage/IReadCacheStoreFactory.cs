namespace EfReadCache.Storage;

/// <summary>
///     Creates the store of a <see cref="ReadCache" />. Factories are compared with <see cref="object.Equals(object)" />
///     to decide whether two configurations share one cache, so implement value equality.
/// </summary>
public interface IReadCacheStoreFactory
{
    /// <summary>Creates the store.</summary>
    /// <param name="context">The options, clock, logger and eviction callback the store works with.</param>
    /// <returns>A new store, owned (and disposed) by the cache.</returns>
    IReadCacheStore Create(StoreContext context);
}
