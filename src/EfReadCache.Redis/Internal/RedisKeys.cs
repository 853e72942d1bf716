using System.Security.Cryptography;
using System.Text;
using EfReadCache.Storage;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     The names of everything under one prefix. All keys share the hash tag <c>{prefix}</c>, so each script's keys sit
///     in one slot of a cluster. The format version is part of every name, so a future format never reads this one.
/// </remarks>
public sealed class RedisKeys
{
    /// <summary>The format version in key names and messages.</summary>
    public const string Version = "v1";

    private readonly string _base;

    /// <summary>Creates the names for a prefix.</summary>
    /// <param name="prefix">The key prefix.</param>
    public RedisKeys(string prefix)
    {
        _base = "{" + prefix + "}:" + Version + ":";
        Registry = _base + "tables";
        Server = _base + "server";
        Channel = _base + "inv";
    }

    /// <summary>The set of every token key given out under the prefix (for invalidating everything).</summary>
    public string Registry { get; }

    /// <summary>The run_id of the Redis run these tokens belong to (restores from disk are detected by it).</summary>
    public string Server { get; }

    /// <summary>The pub/sub channel of invalidations.</summary>
    public string Channel { get; }

    /// <summary>A short, stable id for a database identity (it may be long and is not secret-free by contract).</summary>
    /// <param name="database">The database identity.</param>
    /// <returns>16 hex digits of its SHA-256.</returns>
    public static string DatabaseId(string database) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)).AsSpan(0, 8));

    /// <summary>The key of a table's token.</summary>
    /// <param name="databaseId">The database id.</param>
    /// <param name="table">The normalized table name.</param>
    /// <returns>The key.</returns>
    public string Token(string databaseId, string table) => _base + "t:" + databaseId + ":" + table;

    /// <summary>The key of a table's pending marks, from its token key.</summary>
    /// <param name="tokenKey">The token key.</param>
    /// <returns>The key.</returns>
    public string PendingFromToken(string tokenKey) => _base + "p:" + tokenKey[(_base.Length + 2)..];

    /// <summary>The key of an entry.</summary>
    /// <param name="key">The cache key.</param>
    /// <returns>The key.</returns>
    public string Entry(CacheKey key) => _base + "e:" + key.ToSha256();

    /// <summary>Splits a token key back into its database id and table.</summary>
    /// <param name="tokenKey">A token key.</param>
    /// <returns>The database id and table, or <see langword="null" /> if the key is not a token key of this prefix.</returns>
    public (string DatabaseId, string Table)? ParseToken(string tokenKey)
    {
        if (!tokenKey.StartsWith(_base + "t:", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = tokenKey[(_base.Length + 2)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : (rest[..colon], rest[(colon + 1)..]);
    }
}
