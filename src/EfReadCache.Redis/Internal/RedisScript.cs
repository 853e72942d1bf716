using System.Security.Cryptography;
using System.Text;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>A Lua script and its SHA-1, for EVALSHA with a fallback to EVAL.</remarks>
public sealed class RedisScript
{
    /// <summary>Creates the script.</summary>
    /// <param name="text">The Lua source.</param>
    public RedisScript(string text)
    {
        Text = text;
        Hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));
        HashHex = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Hash));
    }

    /// <summary>The Lua source.</summary>
    public string Text { get; }

    /// <summary>The SHA-1 of the source.</summary>
    public byte[] Hash { get; }

    /// <summary>The SHA-1 as lower-case hex, as EVALSHA takes it.</summary>
    public byte[] HashHex { get; }
}
