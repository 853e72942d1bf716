namespace EfReadCache.Internal.Sql;

/// <content>
///     WITH scopes: CTE definitions, where each name is visible (after its body, inside the WITH's parentheses; inside
///     its own body only WITH RECURSIVE), and whether a used name is a visible CTE rather than a table.
/// </content>
internal sealed partial class SqlStatementWalker
{
    private int ParseWith(int i)
    {
        var recursive = Is(i + 1, SqlKeyword.Recursive);
        return ParseCteDefinition(recursive ? i + 2 : i + 1, recursive);
    }

    private int ParseCteDefinition(int i, bool recursive)
    {
        ref var frame = ref Current;
        frame.CteRecursive = recursive;
        if (i >= _count || !IsName(_tokens[i]))
        {
            frame.Cte = CteState.None;
            return i;
        }

        var token = _tokens[i];
        (_ctes ??= []).Add(new CteName(
            Identifier(token), token.Kind == SqlTokenKind.QuotedIdentifier, _depth, recursive ? i : int.MaxValue, int.MaxValue));
        i = SkipParenthesized(i + 1);
        if (!Is(i, SqlKeyword.As))
        {
            frame.Cte = CteState.None;
            return i;
        }

        i = SkipOptional(SkipOptional(i + 1, SqlKeyword.Not), SqlKeyword.Materialized);
        if (Is(i, SqlTokenKind.LeftParen))
        {
            frame.PendingParen = Purpose.CteBody;
            frame.Cte = CteState.InBody;
            return i;
        }

        frame.Cte = CteState.None;
        return i;
    }

    /// <summary>
    ///     At a token after a CTE's body: ',' starts the next definition and SEARCH/CYCLE clauses are skipped (both
    ///     consume, returning <see langword="true" />); a query start ends the WITH list and is walked as a statement.
    /// </summary>
    private bool ContinueWith(ref int i)
    {
        ref var frame = ref Current;
        var token = _tokens[i];
        if (token.Kind == SqlTokenKind.Comma)
        {
            i = ParseCteDefinition(i + 1, frame.CteRecursive);
            return true;
        }

        if (!IsQueryStart(token))
        {
            // SEARCH ... / CYCLE ... clauses of a recursive CTE.
            i++;
            return true;
        }

        frame.Cte = CteState.None;
        frame.AtStart = true;
        return false;
    }

    private bool IsCteStart(int i)
    {
        var j = i + 1;
        if (j >= _count)
        {
            return false;
        }

        if (_tokens[j].Is(SqlKeyword.Recursive))
        {
            return true;
        }

        var name = _tokens[j];
        if (!IsName(name) || name.Is(SqlKeyword.Ordinality))
        {
            // WITH (NOLOCK), WITH ORDINALITY AS t(...); WITH TIES, WITH ROLLUP, WITH NO DATA have no AS after them.
            return false;
        }

        return Is(SkipParenthesized(j + 1), SqlKeyword.As);
    }

    /// <summary>The body of the innermost CTE of this frame closed at <paramref name="position" />.</summary>
    private void EndCteBody(int position)
    {
        // A CTE is visible after its body (inside it only WITH RECURSIVE); the name there is a real table.
        Current.Cte = CteState.AfterBody;
        for (var k = (_ctes?.Count ?? 0) - 1; k >= 0; k--)
        {
            if (_ctes![k].Depth == _depth)
            {
                _ctes[k] = _ctes[k] with { VisibleFrom = Math.Min(_ctes[k].VisibleFrom, position) };
                break;
            }
        }
    }

    /// <summary>The frame at <paramref name="depth" /> closed at <paramref name="position" />: its WITH's names go out of scope.</summary>
    private void EndCteScopes(int depth, int position)
    {
        if (_ctes is null)
        {
            return;
        }

        for (var k = 0; k < _ctes.Count; k++)
        {
            if (_ctes[k].Depth == depth && _ctes[k].ScopeEnd == int.MaxValue)
            {
                _ctes[k] = _ctes[k] with { ScopeEnd = position };
            }
        }
    }

    /// <summary>
    ///     Whether a name refers to a CTE visible where it is used. <paramref name="strict" /> (for reads, where a wrong
    ///     yes loses a dependency) ignores case only when neither name is quoted.
    /// </summary>
    private bool IsVisibleCte(NameUse use, bool strict)
    {
        if (use.Table.Schema is not null || _ctes is null)
        {
            return false;
        }

        foreach (var cte in _ctes)
        {
            if (cte.VisibleFrom <= use.Position && use.Position < cte.ScopeEnd
                && (string.Equals(cte.Name, use.Table.Name, StringComparison.Ordinal)
                    || ((!strict || (!cte.Quoted && !use.Quoted))
                        && string.Equals(cte.Name, use.Table.Name, StringComparison.OrdinalIgnoreCase))))
            {
                return true;
            }
        }

        return false;
    }
}
