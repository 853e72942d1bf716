namespace EfReadCache.Redis;

/// <summary>How an entry held in the in-process L1 is confirmed before it is served.</summary>
public enum RedisL1Validation
{
    /// <summary>
    ///     Every L1 hit asks Redis for the current tokens of the entry's tables (a small script; the entry itself is not
    ///     transferred). A read that begins after a write committed on any instance never returns older data. The default.
    /// </summary>
    EveryHit,

    /// <summary>
    ///     An L1 hit is served without asking Redis when the tokens this process learned are unchanged; invalidation
    ///     messages (pub/sub) make it forget them. Faster, but another instance's write stops this instance serving the
    ///     affected entries only once its message arrives: within one pub/sub round trip, not before the write commits.
    /// </summary>
    PubSub,
}
