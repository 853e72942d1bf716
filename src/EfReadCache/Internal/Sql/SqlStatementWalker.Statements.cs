namespace EfReadCache.Internal.Sql;

/// <content>
///     Statement starts: what the first word of a statement (or of a parenthesized query) makes it, and EXPLAIN.
///     Statements other than queries and data changes are recognized only at the top level.
/// </content>
internal sealed partial class SqlStatementWalker
{
    private int StartStatement(int i)
    {
        var token = _tokens[i];
        ref var frame = ref Current;
        var top = _depth == 0;
        if (token.Kind != SqlTokenKind.Word)
        {
            if (top)
            {
                MarkUnknownStatement();
                return i + 1;
            }

            return i;
        }

        switch (token.Keyword)
        {
            case SqlKeyword.Select:
                frame.Kind = StatementKind.Query;
                return OnSelect(i);
            case SqlKeyword.Values:
                frame.Kind = StatementKind.Query;
                return i + 1;
            case SqlKeyword.With:
                frame.Kind = StatementKind.Query;
                return IsCteStart(i) ? ParseWith(i) : i + 1;
            case SqlKeyword.Table when i + 1 < _count && IsName(_tokens[i + 1]):
                frame.Kind = StatementKind.Query;
                return ParseFactor(i + 1, ListMode.Read);
            case SqlKeyword.Insert or SqlKeyword.Upsert:
                return ParseInsert(i);
            case SqlKeyword.Replace when !IsFollowedBy(i, SqlTokenKind.LeftParen):
                return ParseInsert(i);
            case SqlKeyword.Update when !IsFollowedBy(i, SqlTokenKind.LeftParen):
                return ParseUpdate(i);
            case SqlKeyword.Delete:
                return ParseDelete(i);
            case SqlKeyword.Merge:
                return ParseMerge(i);
        }

        if (top)
        {
            return StartTopLevelStatement(i);
        }

        if (frame.Purpose == Purpose.TableFactor)
        {
            // FROM (a JOIN b ON ...): a parenthesized join, not a subquery.
            frame.List = ListMode.Read;
            frame.SawQuery = true;
            return ParseFactor(i, ListMode.Read);
        }

        return i;
    }

    /// <summary>A statement that only stands at the top level, at the word at <paramref name="i" />.</summary>
    private int StartTopLevelStatement(int i)
    {
        switch (_tokens[i].Keyword)
        {
            case SqlKeyword.Truncate:
                return ParseTruncate(i);
            case SqlKeyword.Copy:
                return ParseCopy(i);
            case SqlKeyword.Create or SqlKeyword.Alter or SqlKeyword.Drop:
                return ParseDdl(i);
            case SqlKeyword.Rename:
                return ParseRenameStatement(i);
            case SqlKeyword.Comment:
                BeginSchemaChange(StatementKind.Other);
                return i + 1;
            case SqlKeyword.Refresh:
                return ParseRefresh(i);
            case SqlKeyword.Explain or SqlKeyword.Describe or SqlKeyword.Desc:
                return ParseExplain(i);
            case SqlKeyword.Show or SqlKeyword.Pragma or SqlKeyword.Fetch:
                // Their results come from the catalog, settings or a cursor's position, which no table token covers.
                _unknownRead = true;
                Current.Kind = StatementKind.Other;
                return i + 1;
            case SqlKeyword.Load:
                // LOAD DATA ... INTO TABLE t: the INTO names the target.
                BeginWrite(StatementKind.Other);
                return i + 1;
            case SqlKeyword.Begin or SqlKeyword.Start or SqlKeyword.Commit or SqlKeyword.End or SqlKeyword.Rollback
                or SqlKeyword.Abort or SqlKeyword.Savepoint or SqlKeyword.Save or SqlKeyword.Release or SqlKeyword.Set
                or SqlKeyword.Reset or SqlKeyword.Vacuum or SqlKeyword.Analyze or SqlKeyword.Analyse or SqlKeyword.Reindex
                or SqlKeyword.Cluster or SqlKeyword.Checkpoint or SqlKeyword.Discard or SqlKeyword.Listen
                or SqlKeyword.Unlisten or SqlKeyword.Notify or SqlKeyword.Lock or SqlKeyword.Unlock or SqlKeyword.Declare
                or SqlKeyword.Prepare or SqlKeyword.Deallocate or SqlKeyword.Move or SqlKeyword.Close
                or SqlKeyword.Open or SqlKeyword.If or SqlKeyword.Else or SqlKeyword.While or SqlKeyword.Print
                or SqlKeyword.Raiserror or SqlKeyword.Throw or SqlKeyword.Return or SqlKeyword.Go or SqlKeyword.Break
                or SqlKeyword.Continue or SqlKeyword.Goto or SqlKeyword.Waitfor:
                // Transaction control, session settings, maintenance and control flow: no data changes of their own.
                // Statements nested in control flow (IF ... UPDATE ...) are still found by OnWord.
                Current.Kind = StatementKind.Other;
                return i + 1;
            case SqlKeyword.Grant or SqlKeyword.Revoke:
                // Rights decide what a user may read: a revoked right must not be served from the cache.
                _statementSchemaChange = true;
                MarkUnknownStatement();
                return i + 1;
            default:
                // CALL, EXEC, EXECUTE, DO, ATTACH, USE, a bare procedure name, anything else.
                MarkUnknownStatement();
                return i + 1;
        }
    }

    /// <summary>A data change inside another statement, or a T-SQL statement without ';': walked as a new statement.</summary>
    private int BeginNestedStatement(int i)
    {
        ref var frame = ref Current;
        frame = new Frame { Purpose = frame.Purpose, AtStart = true };
        return i;
    }

    private void MarkUnknownStatement()
    {
        _statementWrite = true;
        _statementUnknownWrite = true;
        Current.Kind = StatementKind.Unknown;
    }

    private int ParseExplain(int i)
    {
        _unknownRead = true;
        i++;
        var executes = false;
        while (i < _count)
        {
            var token = _tokens[i];
            if (IsAnalyze(token))
            {
                executes = true;
                i++;
            }
            else if (token.Kind == SqlTokenKind.LeftParen)
            {
                var end = SkipBalanced(i);
                for (var j = i; j < end; j++)
                {
                    executes |= IsAnalyze(_tokens[j]);
                }

                i = end;
            }
            else if (token.Kind == SqlTokenKind.Semicolon || IsQueryStart(token) || token.Is(SqlKeyword.With))
            {
                break;
            }
            else
            {
                // VERBOSE, QUERY PLAN, FORMAT=JSON, EXTENDED, or DESCRIBE's table name.
                i++;
            }
        }

        // EXPLAIN ANALYZE runs the statement; plain EXPLAIN only plans it.
        _suppressWrites |= !executes;
        ref var frame = ref Current;
        frame.Kind = StatementKind.Other;
        frame.AtStart = true;
        return i;

        static bool IsAnalyze(SqlToken token) => token.Is(SqlKeyword.Analyze) || token.Is(SqlKeyword.Analyse);
    }
}
