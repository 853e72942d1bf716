namespace EfReadCache.Internal.Sql;

/// <content>Looking at tokens: keyword and kind tests, skipping, and what a word means where it stands.</content>
internal sealed partial class SqlStatementWalker
{
    private bool Is(int i, SqlKeyword keyword) => i < _count && _tokens[i].Is(keyword);

    private bool Is(int i, SqlTokenKind kind) => i < _count && _tokens[i].Kind == kind;

    private bool IsAny(int i, params ReadOnlySpan<SqlKeyword> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (Is(i, keyword))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsFollowedBy(int i, SqlTokenKind kind) => Is(i + 1, kind);

    private bool TextIs(SqlToken token, string text)
        => _sql.AsSpan(token.Start, token.Length).Equals(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips <paramref name="keyword" /> if it stands at <paramref name="i" />.</summary>
    private int SkipOptional(int i, SqlKeyword keyword) => Is(i, keyword) ? i + 1 : i;

    /// <summary>Skips every word from <paramref name="i" /> on that is one of <paramref name="keywords" />.</summary>
    private int SkipAll(int i, params ReadOnlySpan<SqlKeyword> keywords)
    {
        while (IsAny(i, keywords))
        {
            i++;
        }

        return i;
    }

    /// <summary>Skips a parenthesized list if one starts at <paramref name="i" />.</summary>
    private int SkipParenthesized(int i) => Is(i, SqlTokenKind.LeftParen) ? SkipBalanced(i) : i;

    private int SkipBalanced(int i)
    {
        var depth = 0;
        for (; i < _count; i++)
        {
            var kind = _tokens[i].Kind;
            if (kind == SqlTokenKind.LeftParen)
            {
                depth++;
            }
            else if (kind == SqlTokenKind.RightParen && --depth == 0)
            {
                return i + 1;
            }
            else if (kind == SqlTokenKind.Semicolon)
            {
                return i;
            }
        }

        return i;
    }

    private bool IsDistinctFrom(int i)
        => i >= 2 && _tokens[i - 1].Is(SqlKeyword.Distinct) && (_tokens[i - 2].Is(SqlKeyword.Is) || _tokens[i - 2].Is(SqlKeyword.Not));

    private bool IsBoundToPrevious(int i)
    {
        if (i == 0)
        {
            return false;
        }

        var previous = _tokens[i - 1];
        if (previous.Is(SqlKeyword.On))
        {
            // ON DELETE CASCADE, ON UPDATE SET NULL, CREATE TRIGGER/RULE ... ON UPDATE; but T-SQL without ';' may run
            // SET IDENTITY_INSERT t ON INSERT INTO t ..., where the INSERT is a statement of its own.
            return _frames[0].Kind is StatementKind.Ddl or StatementKind.Unknown
                || IsAny(i + 1, SqlKeyword.Cascade, SqlKeyword.Set, SqlKeyword.Restrict, SqlKeyword.No);
        }

        return previous.Kind is SqlTokenKind.Comma or SqlTokenKind.Dot
            || (previous.Kind == SqlTokenKind.Word
                && previous.Keyword is SqlKeyword.For or SqlKeyword.Do or SqlKeyword.Key or SqlKeyword.Then
                    or SqlKeyword.Before or SqlKeyword.After or SqlKeyword.Of or SqlKeyword.Instead or SqlKeyword.Or
                    or SqlKeyword.Grant or SqlKeyword.Revoke or SqlKeyword.No);
    }

    private static bool IsQueryStart(SqlToken token)
        => token.Kind == SqlTokenKind.LeftParen
            || (token.Kind == SqlTokenKind.Word
                && token.Keyword is SqlKeyword.Select or SqlKeyword.Insert or SqlKeyword.Update or SqlKeyword.Delete
                    or SqlKeyword.Merge or SqlKeyword.Values or SqlKeyword.Table or SqlKeyword.Upsert or SqlKeyword.Replace);

    /// <summary>Whether a token can name a relation: a quoted identifier, or a word that is not a clause keyword.</summary>
    private static bool IsName(SqlToken token)
        => token.Kind == SqlTokenKind.QuotedIdentifier
            || (token.Kind == SqlTokenKind.Word
                && token.Keyword is not (SqlKeyword.Select or SqlKeyword.From or SqlKeyword.Where or SqlKeyword.Group
                    or SqlKeyword.Order or SqlKeyword.Having or SqlKeyword.Limit or SqlKeyword.Offset or SqlKeyword.Fetch
                    or SqlKeyword.Window or SqlKeyword.Union or SqlKeyword.Intersect or SqlKeyword.Except
                    or SqlKeyword.Minus or SqlKeyword.Returning or SqlKeyword.Set or SqlKeyword.On or SqlKeyword.Using
                    or SqlKeyword.Join or SqlKeyword.Inner or SqlKeyword.Left or SqlKeyword.Right or SqlKeyword.Full
                    or SqlKeyword.Cross or SqlKeyword.Outer or SqlKeyword.Natural or SqlKeyword.Values or SqlKeyword.With
                    or SqlKeyword.When or SqlKeyword.Then or SqlKeyword.For or SqlKeyword.Into or SqlKeyword.Output
                    or SqlKeyword.Qualify or SqlKeyword.Default or SqlKeyword.As or SqlKeyword.StraightJoin
                    or SqlKeyword.Apply or SqlKeyword.Cascade or SqlKeyword.Restrict or SqlKeyword.Restart
                    or SqlKeyword.Tablesample or SqlKeyword.Pivot or SqlKeyword.Unpivot or SqlKeyword.Lateral
                    or SqlKeyword.Only or SqlKeyword.Is or SqlKeyword.Not or SqlKeyword.Or or SqlKeyword.Else
                    or SqlKeyword.End or SqlKeyword.Option));
}
