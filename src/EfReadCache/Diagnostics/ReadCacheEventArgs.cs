using EfReadCache.Storage;

namespace EfReadCache.Diagnostics;

/// <summary>One thing the cache did, with what it touched and how long it took.</summary>
public sealed class ReadCacheEventArgs : EventArgs
{
    /// <summary>Creates an event.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="keyId">The short key id (<see cref="CacheKey.Id" />), or <see langword="null" /> for table events.</param>
    /// <param name="tables">The tables involved.</param>
    /// <param name="duration">How long the operation took.</param>
    /// <param name="rowCount">Rows in the result, when there is one.</param>
    /// <param name="bypassReason">For <see cref="ReadCacheEventKind.Bypass" />: why.</param>
    /// <param name="evictionReason">For <see cref="ReadCacheEventKind.Evict" />: why.</param>
    public ReadCacheEventArgs(
        ReadCacheEventKind kind,
        string? keyId,
        IReadOnlyList<string> tables,
        TimeSpan duration,
        int rowCount = 0,
        ReadCacheBypassReason bypassReason = ReadCacheBypassReason.None,
        EvictionReason? evictionReason = null)
    {
        Kind = kind;
        KeyId = keyId;
        Tables = tables;
        Duration = duration;
        RowCount = rowCount;
        BypassReason = bypassReason;
        EvictionReason = evictionReason;
    }

    /// <summary>What happened.</summary>
    public ReadCacheEventKind Kind { get; }

    /// <summary>The short, stable id of the entry's key; never the SQL or parameter values.</summary>
    public string? KeyId { get; }

    /// <summary>The tables involved (normalized names).</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>How long the lookup, query or store took.</summary>
    public TimeSpan Duration { get; }

    /// <summary>Rows in the result, when there is one.</summary>
    public int RowCount { get; }

    /// <summary>Why the query bypassed the cache, for <see cref="ReadCacheEventKind.Bypass" />.</summary>
    public ReadCacheBypassReason BypassReason { get; }

    /// <summary>Why the entry was evicted, for <see cref="ReadCacheEventKind.Evict" />.</summary>
    public EvictionReason? EvictionReason { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{Kind} key={KeyId ?? "-"} tables=[{string.Join(",", Tables)}] rows={RowCount} {Duration.TotalMilliseconds:0.###}ms"
            + (BypassReason != ReadCacheBypassReason.None ? $" reason={BypassReason}" : "")
            + (EvictionReason is { } reason ? $" reason={reason}" : "");
}
