namespace EfReadCache.Internal.Sql;

/// <content>
///     Data changes: INSERT, REPLACE, UPSERT, UPDATE, DELETE, MERGE, TRUNCATE, REFRESH, COPY, and the INTO of SELECT INTO,
///     OUTPUT INTO and LOAD DATA.
/// </content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>Marks the statement a write of <paramref name="kind" />; returns the current frame.</summary>
    private ref Frame BeginWrite(StatementKind kind)
    {
        ref var frame = ref Current;
        frame.Kind = kind;
        _statementWrite = true;
        return ref frame;
    }

    private int ParseInsert(int i)
    {
        BeginWrite(StatementKind.Insert);
        i = SkipWriteModifiers(i + 1, allowInto: true, allowFrom: false);
        return ParseFactor(i, ListMode.Write);
    }

    private int ParseUpdate(int i)
    {
        ref var frame = ref BeginWrite(StatementKind.Update);
        frame.SawQuery = true;
        frame.UpdateTargets = true;
        frame.List = ListMode.Write;
        i = SkipWriteModifiers(i + 1, allowInto: false, allowFrom: false);
        return ParseFactor(i, ListMode.Write, dmlTarget: true);
    }

    private int ParseDelete(int i)
    {
        ref var frame = ref BeginWrite(StatementKind.Delete);
        frame.SawQuery = true;
        frame.List = ListMode.Write;
        frame.UsingIsFactor = true;
        i = SkipWriteModifiers(i + 1, allowInto: false, allowFrom: true);
        return ParseFactor(i, ListMode.Write, dmlTarget: true);
    }

    private int ParseMerge(int i)
    {
        BeginWrite(StatementKind.Merge).UsingIsFactor = true;
        i = SkipWriteModifiers(i + 1, allowInto: true, allowFrom: false);
        return ParseFactor(i, ListMode.Write);
    }

    private int ParseTruncate(int i)
    {
        BeginWrite(StatementKind.Truncate).List = ListMode.Write;
        return ParseFactor(SkipIfExists(SkipOptional(i + 1, SqlKeyword.Table)), ListMode.Write);
    }

    private int ParseRefresh(int i)
    {
        BeginWrite(StatementKind.Other);
        i = SkipAll(i + 1, SqlKeyword.Materialized, SqlKeyword.View, SqlKeyword.Concurrently);
        return ParseFactor(i, ListMode.Write);
    }

    private int SkipWriteModifiers(int i, bool allowInto, bool allowFrom)
    {
        while (i < _count)
        {
            var token = _tokens[i];
            switch (token.Keyword)
            {
                case SqlKeyword.Or when token.Kind == SqlTokenKind.Word:
                    // SQLite: INSERT OR REPLACE, UPDATE OR IGNORE
                    i += 2;
                    continue;
                case SqlKeyword.Ignore or SqlKeyword.LowPriority or SqlKeyword.HighPriority or SqlKeyword.Delayed
                    or SqlKeyword.Quick when token.Kind == SqlTokenKind.Word:
                    i++;
                    continue;
                case SqlKeyword.Top when token.Kind == SqlTokenKind.Word:
                    i++;
                    if (Is(i, SqlTokenKind.LeftParen))
                    {
                        i = SkipBalanced(i);
                    }
                    else if (Is(i, SqlTokenKind.Number) || Is(i, SqlTokenKind.Parameter))
                    {
                        i++;
                    }

                    continue;
                case SqlKeyword.Into when allowInto && token.Kind == SqlTokenKind.Word:
                case SqlKeyword.From when allowFrom && token.Kind == SqlTokenKind.Word:
                    i++;
                    allowFrom = false;
                    continue;
            }

            return i;
        }

        return i;
    }

    private int ParseInto(int i)
    {
        var j = SkipAll(
            i + 1, SqlKeyword.Temp, SqlKeyword.Temporary, SqlKeyword.Unlogged, SqlKeyword.Table, SqlKeyword.Global,
            SqlKeyword.Local);
        if (IsAny(j, SqlKeyword.Outfile, SqlKeyword.Dumpfile))
        {
            // MySQL SELECT ... INTO OUTFILE 'file' writes a file, not a table.
            return j + 1;
        }

        if (j < _count && IsName(_tokens[j]))
        {
            // SELECT ... INTO new_table creates a table; OUTPUT ... INTO t and LOAD DATA ... INTO TABLE t write one.
            _statementWrite = true;
            if (Current.SawSelect)
            {
                _statementSchemaChange = true;
            }

            return ParseFactor(j, ListMode.Write);
        }

        // SELECT ... INTO @variable, OUTPUT ... INTO @table_variable
        return j;
    }

    private int ParseCopy(int i)
    {
        Current.Kind = StatementKind.Copy;
        i++;
        if (i >= _count || !IsName(_tokens[i]))
        {
            // COPY (SELECT ...) TO ...: the query is walked as a frame.
            return i;
        }

        var name = ReadQualifiedName(ref i);
        var last = i - 1;
        i = SkipParenthesized(i);
        if (Is(i, SqlKeyword.From))
        {
            _statementWrite = true;
            AddWrite(name, last, dmlTarget: false);
        }
        else
        {
            AddRead(name, last);
        }

        return i;
    }
}
