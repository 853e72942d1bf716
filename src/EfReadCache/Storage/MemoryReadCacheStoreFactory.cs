using EfReadCache.Storage.Internal;

namespace EfReadCache.Storage;

/// <summary>Creates the in-process store, bounded by <see cref="ReadCacheOptions.MaxEntries" /> and <see cref="ReadCacheOptions.MaxBytes" />.</summary>
public sealed class MemoryReadCacheStoreFactory : IReadCacheStoreFactory
{
    /// <summary>The one instance; the factory has no state.</summary>
    public static MemoryReadCacheStoreFactory Instance { get; } = new();

    /// <inheritdoc />
    public IReadCacheStore Create(StoreContext context) => new MemoryReadCacheStore(context);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MemoryReadCacheStoreFactory;

    /// <inheritdoc />
    public override int GetHashCode() => typeof(MemoryReadCacheStoreFactory).GetHashCode();
}
