namespace EfReadCache.Internal.Sql;

/// <summary>A token: its kind, its keyword if it is a word, and where it is in the text.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Keyword">The keyword a word spells, or <see cref="SqlKeyword.None" />.</param>
/// <param name="Start">The offset of its first character.</param>
/// <param name="Length">Its length in characters, quotes included.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, SqlKeyword Keyword, int Start, int Length)
{
    /// <summary>Whether the token is the word <paramref name="keyword" />.</summary>
    /// <param name="keyword">The keyword.</param>
    /// <returns><see langword="true" /> if it is.</returns>
    public bool Is(SqlKeyword keyword) => Kind == SqlTokenKind.Word && Keyword == keyword;
}
