namespace EfReadCache.Internal.Sql;

/// <content>
///     Table references: one table factor (a name, a table function, a table variable or a parenthesized factor), its
///     alias, the comma lists of FROM and of write targets, and recording each name as read or written.
/// </content>
internal sealed partial class SqlStatementWalker
{
    private int OnComma(int i)
    {
        ref var frame = ref Current;
        return frame.List switch
        {
            ListMode.Read => ParseFactor(i + 1, ListMode.Read),
            ListMode.Write => ParseFactor(
                i + 1, ListMode.Write, dmlTarget: frame.Kind is StatementKind.Update or StatementKind.Delete),
            ListMode.Rename => ParseFactor(i + 1, ListMode.Write),
            _ => i + 1
        };
    }

    /// <summary>
    ///     Parses one table factor: [LATERAL] [ONLY] name [*] [[AS] alias], a function call, a parameter (table variable),
    ///     or '(' (a subquery or parenthesized join, left for the main loop to open as a frame).
    /// </summary>
    private int ParseFactor(int i, ListMode mode, bool dmlTarget = false)
    {
        i = SkipAll(i, SqlKeyword.Lateral, SqlKeyword.Only);
        if (i >= _count)
        {
            return i;
        }

        var token = _tokens[i];
        switch (token.Kind)
        {
            case SqlTokenKind.LeftParen:
                Current.PendingParen = Purpose.TableFactor;
                return i;
            case SqlTokenKind.Parameter:
                // A table variable (@t) or a bound parameter: its rows are not a table's.
                if (mode == ListMode.Read)
                {
                    _unknownRead = true;
                }

                return ParseAlias(i + 1, null);
            case SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier when IsName(token):
                break;
            default:
                return i;
        }

        if (token.Kind == SqlTokenKind.Word && Is(i + 1, SqlKeyword.From) && TextIs(token, "ROWS"))
        {
            // PostgreSQL: FROM ROWS FROM (f(...), g(...)): a list of function factors.
            return ParseFactor(i + 2, mode);
        }

        var name = ReadQualifiedName(ref i);
        var last = i - 1;
        if (Is(i, SqlTokenKind.LeftParen))
        {
            if (mode != ListMode.Read)
            {
                // INSERT INTO t (columns), CREATE TABLE t (columns), CREATE INDEX ... ON t (columns)
                AddWrite(name, last, dmlTarget);
            }
            else if (IsTableHint(i))
            {
                // T-SQL: FROM t (NOLOCK)
                AddRead(name, last);
            }
            else
            {
                // The arguments are walked as an expression frame, so subqueries in them are still found.
                AddTableFunction(name);
            }

            return i;
        }

        if (mode == ListMode.Read)
        {
            AddRead(name, last);
            if (name.Name.StartsWith('#'))
            {
                // A T-SQL temporary table belongs to one session.
                _unknownRead = true;
            }
        }
        else
        {
            AddWrite(name, last, dmlTarget);
        }

        if (Is(i, SqlTokenKind.Operator) && _tokens[i].Length == 1 && _sql[_tokens[i].Start] == '*')
        {
            // PostgreSQL: FROM t * (with descendants)
            i++;
        }

        return ParseAlias(i, name);
    }

    private int ParseAlias(int i, SqlTableReference? table)
    {
        if (i >= _count)
        {
            return i;
        }

        var token = _tokens[i];
        if (token.Is(SqlKeyword.As))
        {
            if (i + 1 < _count && IsName(_tokens[i + 1]))
            {
                AddAlias(i + 1, table);
                return i + 2;
            }

            return i + 1;
        }

        if (token.Kind == SqlTokenKind.QuotedIdentifier || (token.Kind == SqlTokenKind.Word && token.Keyword == SqlKeyword.None))
        {
            AddAlias(i, table);
            return i + 1;
        }

        return i;
    }

    private SqlTableReference ReadQualifiedName(ref int i)
    {
        string? schema = null;
        var name = Identifier(_tokens[i]);
        i++;
        var emptyPart = false;
        while (i + 1 < _count && _tokens[i].Kind == SqlTokenKind.Dot)
        {
            var next = _tokens[i + 1];
            if (next.Kind == SqlTokenKind.Dot)
            {
                // T-SQL db..table: the default schema.
                emptyPart = true;
                i++;
                continue;
            }

            if (next.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
            {
                break;
            }

            schema = emptyPart ? null : name;
            emptyPart = false;
            name = Identifier(next);
            i += 2;
        }

        return new SqlTableReference(schema, name);
    }

    private bool IsTableHint(int leftParen)
    {
        if (_dialect != SqlDialect.SqlServer || leftParen + 1 >= _count || _tokens[leftParen + 1].Kind != SqlTokenKind.Word)
        {
            return false;
        }

        var token = _tokens[leftParen + 1];
        return SqlBuiltIns.IsTableHint(_sql.AsSpan(token.Start, token.Length));
    }

    private void AddRead(SqlTableReference table, int lastPart) => _statementReads.Add(Use(table, lastPart, dmlTarget: false));

    private void AddWrite(SqlTableReference table, int lastPart, bool dmlTarget)
        => _statementWrites.Add(Use(table, lastPart, dmlTarget));

    private NameUse Use(SqlTableReference table, int lastPart, bool dmlTarget)
        => new(table, lastPart, _tokens[lastPart].Kind == SqlTokenKind.QuotedIdentifier, _depth, dmlTarget);

    private void AddAlias(int token, SqlTableReference? table) => (_aliases ??= []).Add((token, table, _depth));
}
