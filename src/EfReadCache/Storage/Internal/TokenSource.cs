using System.Security.Cryptography;

namespace EfReadCache.Storage.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Hands out tokens that never repeat within a process: a counter that starts at a random 64-bit value, so a new
///     process (or a new store) does not reuse the tokens of an old one either.
/// </remarks>
public sealed class TokenSource
{
    private long _next = RandomNumberGenerator.GetInt32(int.MaxValue) * (long)uint.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <summary>The next token.</summary>
    /// <returns>A value this source never returned before.</returns>
    public long Next() => Interlocked.Increment(ref _next);
}
