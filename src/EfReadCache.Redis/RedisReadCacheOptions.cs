namespace EfReadCache.Redis;

/// <summary>Options of the Redis store, set in <c>UseRedis(configuration, o =&gt; ...)</c>.</summary>
public sealed class RedisReadCacheOptions : IEquatable<RedisReadCacheOptions>
{
    /// <summary>
    ///     The prefix of every Redis key and channel. <value>Default: <see langword="null" />, which uses the cache's
    ///     <see cref="ReadCacheOptions.KeyPrefix" />. Letters, digits, '-', '_', '.' and ':'.</value>
    /// </summary>
    public string? KeyPrefix { get; set; }

    /// <summary>Keep an in-process copy (L1) of entries read from Redis. <value>Default: <see langword="true" />.</value></summary>
    public bool UseL1 { get; set; } = true;

    /// <summary>The most entries the L1 holds. <value>Default: <see langword="null" />, the cache's <see cref="ReadCacheOptions.MaxEntries" />.</value></summary>
    public long? L1MaxEntries { get; set; }

    /// <summary>The most measured bytes the L1 holds. <value>Default: <see langword="null" />, the cache's <see cref="ReadCacheOptions.MaxBytes" />.</value></summary>
    public long? L1MaxBytes { get; set; }

    /// <summary>How an L1 entry is confirmed before it is served. <value>Default: <see cref="RedisL1Validation.EveryHit" />.</value></summary>
    public RedisL1Validation L1Validation { get; set; } = RedisL1Validation.EveryHit;

    /// <summary>
    ///     The bound on every Redis call; a call that takes longer counts as Redis being unavailable and the query goes
    ///     to the database. <value>Default: 2 seconds. Range: 10 ms to 1 minute.</value>
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The bound on connecting to Redis. <value>Default: 5 seconds. Range: 10 ms to 1 minute.</value></summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    ///     Idle blocking connections kept for synchronous queries (each is used by one query at a time).
    ///     <value>Default: 16. Range: 0 to 1024.</value>
    /// </summary>
    public int SyncConnectionPoolSize { get; set; } = 16;

    /// <summary>
    ///     Dedicated threads that run asynchronous Redis calls over blocking connections, so replies never wait for a
    ///     thread-pool thread. <value>Default: 2. Range: 1 to 64.</value>
    /// </summary>
    public int IoThreads { get; set; } = 2;

    /// <summary>Returns a copy of these options.</summary>
    /// <returns>A copy that can be changed without affecting this instance.</returns>
    public RedisReadCacheOptions Duplicate() => (RedisReadCacheOptions)MemberwiseClone();

    /// <summary>Checks every option.</summary>
    /// <exception cref="ReadCacheConfigurationException">An option is invalid.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (KeyPrefix is not null && (KeyPrefix.Length is 0 or > 64 || !KeyPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')))
        {
            errors.Add($"KeyPrefix is '{KeyPrefix}'; it must be 1 to 64 characters of letters, digits, '-', '_', '.' or ':'.");
        }

        if (L1MaxEntries is < 1)
        {
            errors.Add($"L1MaxEntries is {L1MaxEntries}; it must be at least 1.");
        }

        if (L1MaxBytes is < 1024)
        {
            errors.Add($"L1MaxBytes is {L1MaxBytes}; it must be at least 1024.");
        }

        if (OperationTimeout < TimeSpan.FromMilliseconds(10) || OperationTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"OperationTimeout is {OperationTimeout}; it must be between 10 ms and 1 minute.");
        }

        if (ConnectTimeout < TimeSpan.FromMilliseconds(10) || ConnectTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"ConnectTimeout is {ConnectTimeout}; it must be between 10 ms and 1 minute.");
        }

        if (SyncConnectionPoolSize is < 0 or > 1024)
        {
            errors.Add($"SyncConnectionPoolSize is {SyncConnectionPoolSize}; it must be between 0 and 1024.");
        }

        if (IoThreads is < 1 or > 64)
        {
            errors.Add($"IoThreads is {IoThreads}; it must be between 1 and 64.");
        }

        if (errors.Count > 0)
        {
            throw new ReadCacheConfigurationException(
                "EfReadCache Redis options are invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors));
        }
    }

    /// <inheritdoc />
    public bool Equals(RedisReadCacheOptions? other)
        => other is not null && KeyPrefix == other.KeyPrefix && UseL1 == other.UseL1 && L1MaxEntries == other.L1MaxEntries
            && L1MaxBytes == other.L1MaxBytes && L1Validation == other.L1Validation && OperationTimeout == other.OperationTimeout
            && ConnectTimeout == other.ConnectTimeout && SyncConnectionPoolSize == other.SyncConnectionPoolSize && IoThreads == other.IoThreads;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RedisReadCacheOptions other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(KeyPrefix, UseL1, L1MaxEntries, L1MaxBytes, L1Validation, OperationTimeout, ConnectTimeout);
}
