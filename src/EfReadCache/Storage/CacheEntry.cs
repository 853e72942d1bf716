namespace EfReadCache.Storage;

/// <summary>
///     A stored result: an opaque payload plus the tokens its tables had before the query ran. The payload is
///     buffered rows for the command tier; the entry does not care what it is.
/// </summary>
/// <param name="Payload">The cached result.</param>
/// <param name="Tables">The tables the result depends on.</param>
/// <param name="Tokens">The tables' tokens before the query ran, in <see cref="TableSet.Tables" /> order.</param>
/// <param name="TimeToLive">How long the entry lives after it is stored (or after each hit, when <paramref name="Sliding" />).</param>
/// <param name="Sliding">Whether each hit extends the entry's life.</param>
/// <param name="SizeBytes">The payload's measured size in bytes.</param>
public sealed record CacheEntry(object Payload, TableSet Tables, long[] Tokens, TimeSpan TimeToLive, bool Sliding, long SizeBytes);
