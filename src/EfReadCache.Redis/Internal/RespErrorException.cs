namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>An error reply from Redis (the connection is still usable).</remarks>
/// <param name="message">The server's error text.</param>
public sealed class RespErrorException(string message) : Exception(message);
