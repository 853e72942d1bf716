using System.Globalization;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     What the query's EF tags ask of the cache. <c>Cacheable()</c> and friends reach the command interceptor as query
///     tags (<c>TagWith</c>), which EF writes as leading SQL comments; constant tags also join EF's compiled-query key.
/// </remarks>
/// <param name="Cacheable">The query was marked <c>Cacheable()</c>.</param>
/// <param name="NotCacheable">The query was marked <c>NotCacheable()</c>.</param>
/// <param name="TimeToLive">The TTL given to <c>Cacheable(ttl)</c>, if any.</param>
/// <param name="DependsOn">Tables named with <c>CacheDependsOn(...)</c>.</param>
public sealed record QueryMark(bool Cacheable, bool NotCacheable, TimeSpan? TimeToLive, IReadOnlyList<string> DependsOn)
{
    /// <summary>The prefix of every EfReadCache tag.</summary>
    public const string TagPrefix = "EfReadCache:";

    /// <summary>The tag of <c>Cacheable()</c>.</summary>
    public const string CacheableTag = TagPrefix + "Cacheable";

    /// <summary>The tag of <c>NotCacheable()</c>.</summary>
    public const string NotCacheableTag = TagPrefix + "NotCacheable";

    /// <summary>The tag prefix of <c>CacheDependsOn(...)</c>.</summary>
    public const string DependsOnTag = TagPrefix + "DependsOn ";

    /// <summary>No mark.</summary>
    public static readonly QueryMark None = new(false, false, null, []);

    /// <summary>The tag that carries a TTL.</summary>
    /// <param name="timeToLive">The TTL.</param>
    /// <returns>The tag text.</returns>
    public static string CacheableTagFor(TimeSpan timeToLive)
        => CacheableTag + " ttl=" + timeToLive.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>Reads the mark from a command's tags.</summary>
    /// <param name="tags">The command's leading comment lines.</param>
    /// <returns>The mark.</returns>
    public static QueryMark Parse(IReadOnlyList<string> tags)
    {
        var mark = None;
        foreach (var raw in tags)
        {
            var tag = raw.Trim();
            if (!tag.StartsWith(TagPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (tag == NotCacheableTag)
            {
                mark = mark with { NotCacheable = true };
            }
            else if (tag.StartsWith(DependsOnTag, StringComparison.Ordinal))
            {
                var tables = tag[DependsOnTag.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                mark = mark with { DependsOn = [.. mark.DependsOn, .. tables] };
            }
            else if (tag == CacheableTag)
            {
                mark = mark with { Cacheable = true };
            }
            else if (tag.StartsWith(CacheableTag + " ttl=", StringComparison.Ordinal)
                     && TimeSpan.TryParseExact(tag[(CacheableTag.Length + 5)..], "c", CultureInfo.InvariantCulture, out var ttl))
            {
                mark = mark with { Cacheable = true, TimeToLive = ttl };
            }
        }

        return mark;
    }
}
