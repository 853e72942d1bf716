using System.Collections.Concurrent;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     <para>
///         What this process knows of the current Redis tokens, learned from lookups and forgotten on every
///         invalidation message, local write and connection event. An L1 entry is valid by it only if every token it
///         carries is known and equal.
///     </para>
///     <para>
///         Learning is guarded by an epoch: a lookup records the epoch before it asks Redis, and its tokens are
///         installed only if no invalidation was processed in between. Otherwise a reply that left Redis before a write
///         could overwrite what that write's message just made us forget.
///     </para>
/// </remarks>
public sealed class LocalTokenView
{
    private readonly ConcurrentDictionary<(string DatabaseId, string Table), long> _tokens = new();
    private readonly object _lock = new();
    private long _epoch;

    /// <summary>The current epoch; read it before sending a lookup.</summary>
    public long Epoch => Volatile.Read(ref _epoch);

    /// <summary>Records tokens read from Redis, unless anything was forgotten since <paramref name="epoch" />.</summary>
    /// <param name="databaseId">The database id.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="tokens">Their tokens, in the same order.</param>
    /// <param name="epoch">The epoch read before the lookup was sent.</param>
    public void Install(string databaseId, IReadOnlyList<string> tables, long[] tokens, long epoch)
    {
        lock (_lock)
        {
            if (_epoch != epoch)
            {
                return;
            }

            for (var i = 0; i < tokens.Length; i++)
            {
                _tokens[(databaseId, tables[i])] = tokens[i];
            }
        }
    }

    /// <summary>Whether every token is known and equal to what the entry carries.</summary>
    /// <param name="databaseId">The database id.</param>
    /// <param name="tables">The tables.</param>
    /// <param name="tokens">The tokens an entry carries.</param>
    /// <returns><see langword="true" /> if the entry is current as far as this process knows.</returns>
    public bool Matches(string databaseId, IReadOnlyList<string> tables, long[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!_tokens.TryGetValue((databaseId, tables[i]), out var token) || token != tokens[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Forgets the tokens of some tables (they changed, or may have).</summary>
    /// <param name="databaseId">The database id.</param>
    /// <param name="tables">The tables.</param>
    public void Forget(string databaseId, IEnumerable<string> tables)
    {
        lock (_lock)
        {
            _epoch++;
            foreach (var table in tables)
            {
                _tokens.TryRemove((databaseId, table), out _);
            }
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _epoch++;
            _tokens.Clear();
        }
    }
}
