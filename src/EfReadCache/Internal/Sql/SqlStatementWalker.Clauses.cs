namespace EfReadCache.Internal.Sql;

/// <content>
///     Words inside a statement: the clauses that open a list of table references (FROM, JOIN, USING, INTO, ON), those
///     that close it, locking clauses, and data changes nested in other statements.
/// </content>
internal sealed partial class SqlStatementWalker
{
    private int OnWord(int i)
    {
        var token = _tokens[i];
        ref var frame = ref Current;
        switch (token.Keyword)
        {
            case SqlKeyword.Select:
                return OnSelect(i);
            case SqlKeyword.From:
                if (IsDistinctFrom(i))
                {
                    return i + 1;
                }

                if (_depth == 0 ? frame.Kind != StatementKind.Copy : frame.SawQuery)
                {
                    frame.List = ListMode.Read;
                    frame.UpdateTargets = false;
                    return ParseFactor(i + 1, ListMode.Read);
                }

                // EXTRACT(YEAR FROM x), SUBSTRING(x FROM 1), TRIM(BOTH FROM x), OVERLAY(... FROM ...)
                return i + 1;
            case SqlKeyword.Join or SqlKeyword.Apply or SqlKeyword.StraightJoin:
                return frame.UpdateTargets
                    ? ParseFactor(i + 1, ListMode.Write, dmlTarget: true)
                    : ParseFactor(i + 1, ListMode.Read);
            case SqlKeyword.Using:
                if (frame.UsingIsFactor)
                {
                    // DELETE FROM t USING a, b / MERGE INTO t USING s; not JOIN ... USING (col).
                    frame.UsingIsFactor = false;
                    frame.List = ListMode.Read;
                    return ParseFactor(i + 1, ListMode.Read);
                }

                return i + 1;
            case SqlKeyword.Into:
                return ParseInto(i);
            case SqlKeyword.With:
                return IsCteStart(i) ? ParseWith(i) : i + 1;
            case SqlKeyword.For:
                return SkipLockingClause(i);
            case SqlKeyword.Set or SqlKeyword.Where or SqlKeyword.Group or SqlKeyword.Having or SqlKeyword.Order
                or SqlKeyword.Limit or SqlKeyword.Offset or SqlKeyword.Fetch or SqlKeyword.Window or SqlKeyword.Union
                or SqlKeyword.Intersect or SqlKeyword.Except or SqlKeyword.Minus or SqlKeyword.Returning or SqlKeyword.Values
                or SqlKeyword.Output or SqlKeyword.Qualify or SqlKeyword.When or SqlKeyword.Restart or SqlKeyword.Restrict:
                frame.List = ListMode.None;
                frame.UpdateTargets = false;
                return i + 1;
            case SqlKeyword.Cascade:
                // TRUNCATE ... CASCADE and DROP ... CASCADE reach tables the SQL does not name; ON DELETE CASCADE does not.
                if (frame.Kind is StatementKind.Truncate or StatementKind.Ddl
                    && !(i > 0 && IsAny(i - 1, SqlKeyword.Delete, SqlKeyword.Update)))
                {
                    _statementUnknownWrite = true;
                }

                return i + 1;
            case SqlKeyword.On:
                if (frame.ExpectOnTarget)
                {
                    frame.ExpectOnTarget = false;
                    return ParseFactor(i + 1, ListMode.Write);
                }

                return i + 1;
            case SqlKeyword.Rename when frame.Kind == StatementKind.Ddl:
                return ParseRename(i + 1);
            case SqlKeyword.To when frame.List == ListMode.Rename:
                return ParseFactor(i + 1, ListMode.Write);
            case SqlKeyword.Partition when frame.Kind == StatementKind.Ddl && Is(i + 1, SqlKeyword.Of):
                // CREATE TABLE p PARTITION OF parent: rows of parent may move.
                return ParseFactor(i + 2, ListMode.Write);
            case SqlKeyword.Insert or SqlKeyword.Update or SqlKeyword.Delete or SqlKeyword.Merge or SqlKeyword.Upsert:
                if (IsBoundToPrevious(i) || (token.Keyword == SqlKeyword.Update && IsFollowedBy(i, SqlTokenKind.LeftParen)))
                {
                    // FOR UPDATE, ON DELETE, DO UPDATE, THEN INSERT, ON DUPLICATE KEY UPDATE, GRANT INSERT, UPDATE(col) ...
                    return i + 1;
                }

                return BeginNestedStatement(i);
            case SqlKeyword.Replace when Is(i + 1, SqlKeyword.Into) && !IsBoundToPrevious(i):
                return BeginNestedStatement(i);
            case SqlKeyword.Create or SqlKeyword.Alter or SqlKeyword.Drop or SqlKeyword.Truncate or SqlKeyword.Exec
                or SqlKeyword.Execute or SqlKeyword.Call
                when _dialect is SqlDialect.SqlServer or SqlDialect.Generic
                    && _depth == 0 && frame.Kind != StatementKind.Ddl && !IsBoundToPrevious(i):
                // T-SQL does not need ';' between statements: IF ... DROP TABLE t, INSERT INTO t EXEC p.
                return BeginNestedStatement(i);
            default:
                return OnName(i);
        }
    }

    /// <summary>SELECT: the frame is a query whose select list, until FROM, names no relation.</summary>
    private int OnSelect(int i)
    {
        ref var frame = ref Current;
        frame.SawQuery = true;
        frame.SawSelect = true;
        frame.List = ListMode.None;
        return i + 1;
    }

    private int SkipLockingClause(int i)
    {
        // FOR [NO KEY] UPDATE | FOR [KEY] SHARE [OF a, b] [NOWAIT | SKIP LOCKED]: a read with row locks.
        var j = SkipAll(i + 1, SqlKeyword.Update, SqlKeyword.Share, SqlKeyword.No, SqlKeyword.Key);
        if (j == i + 1)
        {
            // FOR XML, FOR JSON, FOR SYSTEM_TIME, FOR EACH ROW, ...
            return i + 1;
        }

        if (Is(j, SqlKeyword.Of))
        {
            j++;
            while (j < _count
                && (_tokens[j].Kind is SqlTokenKind.QuotedIdentifier or SqlTokenKind.Dot or SqlTokenKind.Comma
                    || (_tokens[j].Kind == SqlTokenKind.Word && _tokens[j].Keyword == SqlKeyword.None)))
            {
                j++;
            }
        }

        Current.List = ListMode.None;
        return j;
    }
}
