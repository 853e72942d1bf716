namespace EfReadCache.Diagnostics;

/// <summary>Why a cacheable query went to the database without the cache.</summary>
public enum ReadCacheBypassReason
{
    /// <summary>Not a bypass.</summary>
    None,

    /// <summary>The query reads something whose tables cannot be known (a table-valued function, a procedure). Name its tables with <c>CacheDependsOn(...)</c>.</summary>
    UnknownDependencies,

    /// <summary>A write to one of the query's tables had not yet become visible.</summary>
    PendingWrite,

    /// <summary>The query runs in a transaction that has written one of its tables (read-your-own-writes).</summary>
    TransactionWroteTable,

    /// <summary>The query runs in a snapshot transaction (isolation above READ COMMITTED, or any SQLite transaction).</summary>
    SnapshotTransaction,

    /// <summary>The result had more rows than <see cref="ReadCacheOptions.MaxRowsPerResult" />; it was returned, not stored.</summary>
    TooManyRows,

    /// <summary>The store failed or could not be reached; the database answered instead.</summary>
    StoreUnavailable,

    /// <summary>A value in the result cannot be replayed faithfully (for example a provider-specific stream type).</summary>
    UnsupportedResult,
}
