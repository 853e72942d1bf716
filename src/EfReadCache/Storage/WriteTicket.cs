namespace EfReadCache.Storage;

/// <summary>Returned by <see cref="IReadCacheStore.BeginWriteAsync" />; identifies one pending mark to release.</summary>
/// <param name="Tables">The tables marked pending.</param>
/// <param name="Id">A value unique to this write.</param>
public sealed record WriteTicket(TableSet Tables, long Id);
