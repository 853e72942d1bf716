namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>Thrown by lookups and stores while Redis is unreachable, so the engine asks the database and counts the bypass.</remarks>
public sealed class RedisStoreUnavailableException()
    : Exception("EfReadCache: Redis is unavailable (or being caught up after an outage); the database answers instead.");
