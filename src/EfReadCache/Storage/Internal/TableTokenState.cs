using System.Collections.Concurrent;

namespace EfReadCache.Storage.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>The token of one table of one database, and the leases of the writes that hold it pending.</remarks>
public sealed class TableTokenState
{
    private readonly ConcurrentDictionary<long, long> _leases = new();
    private long _token;
    private int _pending;

    /// <summary>Creates the state with a first token.</summary>
    /// <param name="token">A token that was never used before.</param>
    public TableTokenState(long token) => _token = token;

    /// <summary>The current token.</summary>
    public long Token => Volatile.Read(ref _token);

    /// <summary>Replaces the token.</summary>
    /// <param name="token">A token that was never used before.</param>
    public void Replace(long token) => Volatile.Write(ref _token, token);

    /// <summary>Whether a write holds the table pending at <paramref name="nowTicks" />; lapsed leases are dropped.</summary>
    /// <param name="nowTicks">The current time, in UTC ticks.</param>
    /// <returns><see langword="true" /> if a live lease exists.</returns>
    public bool IsPending(long nowTicks)
    {
        if (Volatile.Read(ref _pending) == 0)
        {
            return false;
        }

        var live = false;
        foreach (var (id, expires) in _leases)
        {
            if (expires > nowTicks)
            {
                live = true;
            }
            else if (_leases.TryRemove(id, out _))
            {
                Interlocked.Decrement(ref _pending);
            }
        }

        return live;
    }

    /// <summary>Adds a write's lease.</summary>
    /// <param name="id">The write's id.</param>
    /// <param name="expiresTicks">When the lease lapses, in UTC ticks.</param>
    public void AddLease(long id, long expiresTicks)
    {
        if (_leases.TryAdd(id, expiresTicks))
        {
            Interlocked.Increment(ref _pending);
        }
    }

    /// <summary>Releases a write's lease.</summary>
    /// <param name="id">The write's id.</param>
    public void RemoveLease(long id)
    {
        if (_leases.TryRemove(id, out _))
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
