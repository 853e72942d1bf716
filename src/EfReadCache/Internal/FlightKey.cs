using EfReadCache.Storage;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>A singleflight key: the cache key and the token snapshot taken before the query.</remarks>
/// <param name="Key">The cache key.</param>
/// <param name="Tokens">The snapshot.</param>
public readonly record struct FlightKey(CacheKey Key, long[] Tokens)
{
    /// <inheritdoc />
    public bool Equals(FlightKey other) => Key.Equals(other.Key) && Tokens.AsSpan().SequenceEqual(other.Tokens);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Tokens.Length > 0 ? Tokens[0] : 0);
}
