using EfReadCache.Storage;

namespace EfReadCache;

/// <summary>
///     The configuration of one <see cref="ReadCache" />. Contexts whose options are equal share one cache instance.
/// </summary>
/// <remarks>
///     Set these through <c>optionsBuilder.UseReadCache(o =&gt; ...)</c> or <c>services.AddEfReadCache(o =&gt; ...)</c>.
///     <see cref="Validate" /> runs when the options are applied and names every invalid value.
/// </remarks>
public sealed class ReadCacheOptions : IEquatable<ReadCacheOptions>
{
    /// <summary>The default <see cref="DefaultExpiration" />: five minutes.</summary>
    public static readonly TimeSpan DefaultExpirationValue = TimeSpan.FromMinutes(5);

    /// <summary>
    ///     How long an entry lives when the query does not say. <value>Default: 5 minutes. Range: greater than zero, at most 365 days.</value>
    /// </summary>
    public TimeSpan DefaultExpiration { get; set; } = DefaultExpirationValue;

    /// <summary>
    ///     When <see langword="true" />, every hit extends an entry's life by its expiration (sliding); otherwise the
    ///     expiration is absolute from the time the entry was stored. <value>Default: <see langword="false" />.</value>
    /// </summary>
    public bool SlidingExpiration { get; set; }

    /// <summary>
    ///     Cache every query that EF runs, not only those marked <c>Cacheable()</c>. Queries marked <c>NotCacheable()</c>
    ///     are still skipped. <value>Default: <see langword="false" />.</value>
    /// </summary>
    public bool CacheAllQueries { get; set; }

    /// <summary>
    ///     With <see cref="CacheAllQueries" />: when not empty, only queries whose tables are all in this set are cached.
    ///     Names are table names, compared without case. <value>Default: empty (all tables).</value>
    /// </summary>
    public ISet<string> IncludedTables { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    ///     With <see cref="CacheAllQueries" />: queries that read any of these tables are not cached.
    ///     <value>Default: empty.</value>
    /// </summary>
    public ISet<string> ExcludedTables { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most entries the in-memory store keeps. <value>Default: 10,000. Range: 1 to 100,000,000.</value></summary>
    public long MaxEntries { get; set; } = 10_000;

    /// <summary>
    ///     The most bytes (measured, not estimated per entry) the in-memory store keeps. <value>Default: 256 MiB. Range: 1 KiB to 1 TiB.</value>
    /// </summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Results with more rows than this are returned but not cached. <value>Default: 10,000. Range: 1 to 100,000,000.</value></summary>
    public int MaxRowsPerResult { get; set; } = 10_000;

    /// <summary>
    ///     A prefix for every key, to keep applications that share a store apart. <value>Default: "efrc". Letters, digits, '-', '_', '.' and ':'; at most 64 characters.</value>
    /// </summary>
    public string KeyPrefix { get; set; } = "efrc";

    /// <summary>
    ///     How long a write may keep its tables pending (neither served nor stored) before the mark lapses, so a writer
    ///     that crashed cannot hold a table forever. A transaction that stays open longer than this loses the protection
    ///     against a read that starts between its commit and the cache being told. <value>Default: 2 minutes. Range: 1 second to 1 day.</value>
    /// </summary>
    public TimeSpan PendingWriteLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    ///     Serve and store cached results inside transactions at isolation above READ COMMITTED, and inside SQLite
    ///     transactions. Such transactions read from a snapshot, so a shared entry may not match what they would see.
    ///     <value>Default: <see langword="false" /> (bypass).</value>
    /// </summary>
    public bool CacheInSnapshotTransactions { get; set; }

    /// <summary>
    ///     The store for entries and table tokens. <see langword="null" /> means the in-memory store bounded by
    ///     <see cref="MaxEntries" /> and <see cref="MaxBytes" />. <value>Default: <see langword="null" />.</value>
    /// </summary>
    public IReadCacheStoreFactory? StoreFactory { get; set; }

    /// <summary>The clock used for expiration and leases. <value>Default: <see cref="System.TimeProvider.System" />.</value></summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    ///     Whether the <see cref="CacheAllQueries" /> policy caches queries that read this table. Queries marked
    ///     <c>Cacheable()</c> are cached whatever this says.
    /// </summary>
    /// <param name="table">A table name; schema and case are ignored.</param>
    /// <returns><see langword="true" /> if a policy-matched query reading only this table would be cached.</returns>
    public bool IsCachedByPolicy(string table)
    {
        var name = TableSet.Normalize(table);
        return CacheAllQueries
            && (IncludedTables.Count == 0 || IncludedTables.Any(t => TableSet.Normalize(t) == name))
            && !ExcludedTables.Any(t => TableSet.Normalize(t) == name);
    }

    /// <summary>Returns a deep copy of these options.</summary>
    /// <returns>A copy that can be changed without affecting this instance.</returns>
    public ReadCacheOptions Duplicate()
    {
        var copy = new ReadCacheOptions
        {
            DefaultExpiration = DefaultExpiration,
            SlidingExpiration = SlidingExpiration,
            CacheAllQueries = CacheAllQueries,
            MaxEntries = MaxEntries,
            MaxBytes = MaxBytes,
            MaxRowsPerResult = MaxRowsPerResult,
            KeyPrefix = KeyPrefix,
            PendingWriteLease = PendingWriteLease,
            CacheInSnapshotTransactions = CacheInSnapshotTransactions,
            StoreFactory = StoreFactory,
            TimeProvider = TimeProvider,
        };
        copy.IncludedTables.UnionWith(IncludedTables);
        copy.ExcludedTables.UnionWith(ExcludedTables);
        return copy;
    }

    /// <summary>Checks every option and throws one exception that names each invalid value and what is valid.</summary>
    /// <exception cref="ReadCacheConfigurationException">One or more options are invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (DefaultExpiration <= TimeSpan.Zero || DefaultExpiration > TimeSpan.FromDays(365))
        {
            errors.Add($"DefaultExpiration is {DefaultExpiration}; it must be greater than zero and at most 365 days.");
        }

        if (MaxEntries is < 1 or > 100_000_000)
        {
            errors.Add($"MaxEntries is {MaxEntries}; it must be between 1 and 100,000,000.");
        }

        if (MaxBytes is < 1024 or > 1L << 40)
        {
            errors.Add($"MaxBytes is {MaxBytes}; it must be between 1024 (1 KiB) and 1099511627776 (1 TiB).");
        }

        if (MaxRowsPerResult is < 1 or > 100_000_000)
        {
            errors.Add($"MaxRowsPerResult is {MaxRowsPerResult}; it must be between 1 and 100,000,000.");
        }

        if (string.IsNullOrEmpty(KeyPrefix) || KeyPrefix.Length > 64
            || !KeyPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            errors.Add($"KeyPrefix is '{KeyPrefix}'; it must be 1 to 64 characters of letters, digits, '-', '_', '.' or ':'.");
        }

        if (PendingWriteLease < TimeSpan.FromSeconds(1) || PendingWriteLease > TimeSpan.FromDays(1))
        {
            errors.Add($"PendingWriteLease is {PendingWriteLease}; it must be between 1 second and 1 day.");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider is null; pass TimeProvider.System or a TimeProvider of your own.");
        }

        foreach (var table in IncludedTables.Concat(ExcludedTables))
        {
            if (string.IsNullOrWhiteSpace(table))
            {
                errors.Add("IncludedTables and ExcludedTables must not contain empty names.");
                break;
            }
        }

        if (IncludedTables.Overlaps(ExcludedTables))
        {
            errors.Add("A table is both included and excluded: "
                + string.Join(", ", IncludedTables.Where(ExcludedTables.Contains)) + ". Remove it from one of the two sets.");
        }

        if (errors.Count > 0)
        {
            throw new ReadCacheConfigurationException(
                "EfReadCache options are invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors));
        }
    }

    /// <inheritdoc />
    public bool Equals(ReadCacheOptions? other)
        => other is not null
            && DefaultExpiration == other.DefaultExpiration
            && SlidingExpiration == other.SlidingExpiration
            && CacheAllQueries == other.CacheAllQueries
            && MaxEntries == other.MaxEntries
            && MaxBytes == other.MaxBytes
            && MaxRowsPerResult == other.MaxRowsPerResult
            && KeyPrefix == other.KeyPrefix
            && PendingWriteLease == other.PendingWriteLease
            && CacheInSnapshotTransactions == other.CacheInSnapshotTransactions
            && Equals(StoreFactory, other.StoreFactory)
            && ReferenceEquals(TimeProvider, other.TimeProvider)
            && IncludedTables.SetEquals(other.IncludedTables)
            && ExcludedTables.SetEquals(other.ExcludedTables);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReadCacheOptions other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
        => HashCode.Combine(DefaultExpiration, SlidingExpiration, CacheAllQueries, MaxEntries, MaxBytes, MaxRowsPerResult, KeyPrefix, StoreFactory);
}
