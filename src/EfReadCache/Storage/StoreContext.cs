using Microsoft.Extensions.Logging;

namespace EfReadCache.Storage;

/// <summary>What a store is given when it is created.</summary>
/// <param name="Options">The cache's options (limits, prefix, lease).</param>
/// <param name="Logger">Where the store logs.</param>
/// <param name="OnEvicted">Called when an entry leaves the store for a reason other than a lookup finding it stale.</param>
public sealed record StoreContext(ReadCacheOptions Options, ILogger Logger, Action<EvictionReason, long> OnEvicted)
{
    /// <summary>The clock for expiration and leases.</summary>
    public TimeProvider TimeProvider => Options.TimeProvider;
}
