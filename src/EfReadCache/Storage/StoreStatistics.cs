namespace EfReadCache.Storage;

/// <summary>Counters of a store.</summary>
/// <param name="Entries">Entries held now (for a shared store: held by this process's L1, when it has one).</param>
/// <param name="Bytes">Measured bytes held now.</param>
/// <param name="Evictions">Entries evicted since the store was created.</param>
public readonly record struct StoreStatistics(long Entries, long Bytes, long Evictions);
