namespace EfReadCache.Internal.Sql;

/// <summary>
///     Walks the tokens of one command text once, statement by statement, keeping a stack of parenthesis frames, and
///     collects the relations read and written. See <see cref="SqlAnalyzer" />.
/// </summary>
internal sealed class SqlStatementWalker
{
    private readonly string _sql;
    private readonly SqlToken[] _tokens;
    private readonly int _count;
    private readonly SqlDialect _dialect;

    private Frame[] _frames = new Frame[8];
    private int _depth;

    // The statement being walked.
    private readonly List<NameUse> _statementReads = [];
    private readonly List<NameUse> _statementWrites = [];
    private List<CteName>? _ctes;
    private List<(int Token, SqlTableReference? Table, int Depth)>? _aliases;
    private bool _statementWrite;
    private bool _statementUnknownWrite;
    private bool _statementSchemaChange;
    private bool _suppressWrites;

    // The whole command.
    private readonly List<SqlTableReference> _reads = [];
    private readonly List<SqlTableReference> _writes = [];
    private readonly List<SqlTableReference> _functions = [];
    private bool _isWrite;
    private bool _unknownWrite;
    private bool _unknownRead;
    private bool _schemaChange;

    /// <summary>Creates a walker over tokens of <paramref name="sql" />.</summary>
    /// <param name="sql">The SQL the tokens point into.</param>
    /// <param name="tokens">The tokens.</param>
    /// <param name="count">How many of <paramref name="tokens" /> are used.</param>
    /// <param name="dialect">The dialect.</param>
    public SqlStatementWalker(string sql, SqlToken[] tokens, int count, SqlDialect dialect)
    {
        _sql = sql;
        _tokens = tokens;
        _count = count;
        _dialect = dialect;
        _frames[0] = new Frame { AtStart = true };
    }

    private enum Purpose : byte
    {
        Expression,
        TableFactor,
        CteBody
    }

    private enum ListMode : byte
    {
        None,
        Read,
        Write,
        Rename
    }

    private enum StatementKind : byte
    {
        None,
        Query,
        Insert,
        Update,
        Delete,
        Merge,
        Truncate,
        Copy,
        Ddl,
        Other,
        Unknown
    }

    private enum CteState : byte
    {
        None,
        InBody,
        AfterBody
    }

    private ref Frame Current => ref _frames[_depth];

    /// <summary>Walks every token.</summary>
    public void Run()
    {
        var i = 0;
        while (i < _count)
        {
            var token = _tokens[i];
            if (token.Kind == SqlTokenKind.Semicolon)
            {
                EndStatement();
                i++;
                continue;
            }

            if (token.Kind == SqlTokenKind.RightParen)
            {
                i++;
                if (_depth > 0)
                {
                    var closed = _frames[_depth].Purpose;
                    EndCteScopes(_depth, i);
                    _depth--;
                    i = AfterClose(closed, i);
                }

                continue;
            }

            ref var frame = ref Current;
            if (frame.Cte == CteState.AfterBody)
            {
                if (token.Kind == SqlTokenKind.Comma)
                {
                    i = ParseCteDefinition(i + 1, frame.CteRecursive);
                    continue;
                }

                if (!IsQueryStart(token))
                {
                    // SEARCH ... / CYCLE ... clauses of a recursive CTE.
                    i++;
                    continue;
                }

                frame.Cte = CteState.None;
                frame.AtStart = true;
            }

            if (token.Kind == SqlTokenKind.LeftParen)
            {
                var purpose = frame.PendingParen;
                frame.PendingParen = Purpose.Expression;
                if (frame.AtStart)
                {
                    frame.AtStart = false;
                    if (frame.Purpose == Purpose.TableFactor)
                    {
                        // FROM ((a JOIN b ON ...) JOIN c ON ...)
                        frame.List = ListMode.Read;
                        frame.SawQuery = true;
                        purpose = Purpose.TableFactor;
                    }
                    else if (frame.Kind == StatementKind.None)
                    {
                        frame.Kind = StatementKind.Query;
                    }
                }

                Push(purpose);
                i++;
                continue;
            }

            if (frame.AtStart)
            {
                frame.AtStart = false;
                var next = StartStatement(i);
                if (next != i)
                {
                    i = next;
                    continue;
                }
            }

            i = token.Kind switch
            {
                SqlTokenKind.Comma => OnComma(i),
                SqlTokenKind.Word => OnWord(i),
                SqlTokenKind.QuotedIdentifier => OnName(i),
                _ => i + 1
            };
        }

        EndStatement();
    }

    /// <summary>Builds the result.</summary>
    /// <param name="tags">The tags the tokenizer collected.</param>
    /// <param name="malformed">Whether the tokenizer found unterminated text.</param>
    /// <returns>The analysis.</returns>
    public SqlAnalysis ToAnalysis(List<string>? tags, bool malformed)
    {
        if (malformed)
        {
            // Text the tokenizer could not end may hide anything.
            _unknownWrite = true;
            _unknownRead = true;
        }

        return new SqlAnalysis(
            tags is null ? [] : tags.ToArray(),
            _reads.ToArray(),
            _writes.ToArray(),
            _functions.Count == 0 ? [] : _functions.ToArray(),
            _isWrite,
            _unknownWrite,
            _unknownRead,
            _schemaChange);
    }

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
                frame.SawQuery = true;
                frame.SawSelect = true;
                frame.List = ListMode.None;
                return i + 1;
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

        if (!top)
        {
            if (frame.Purpose == Purpose.TableFactor)
            {
                // FROM (a JOIN b ON ...): a parenthesized join, not a subquery.
                frame.List = ListMode.Read;
                frame.SawQuery = true;
                return ParseFactor(i, ListMode.Read);
            }

            return i;
        }

        switch (token.Keyword)
        {
            case SqlKeyword.Truncate:
                _statementWrite = true;
                frame.Kind = StatementKind.Truncate;
                frame.List = ListMode.Write;
                i++;
                if (Is(i, SqlKeyword.Table))
                {
                    i++;
                }

                return ParseFactor(SkipIfExists(i), ListMode.Write);
            case SqlKeyword.Copy:
                return ParseCopy(i);
            case SqlKeyword.Create or SqlKeyword.Alter or SqlKeyword.Drop:
                return ParseDdl(i);
            case SqlKeyword.Rename:
                _statementWrite = true;
                _statementSchemaChange = true;
                frame.Kind = StatementKind.Ddl;
                frame.List = ListMode.Rename;
                i++;
                if (Is(i, SqlKeyword.Table))
                {
                    i++;
                }

                return ParseFactor(i, ListMode.Write);
            case SqlKeyword.Comment:
                _statementWrite = true;
                _statementSchemaChange = true;
                frame.Kind = StatementKind.Other;
                return i + 1;
            case SqlKeyword.Refresh:
                _statementWrite = true;
                frame.Kind = StatementKind.Other;
                i++;
                while (Is(i, SqlKeyword.Materialized) || Is(i, SqlKeyword.View) || Is(i, SqlKeyword.Concurrently))
                {
                    i++;
                }

                return ParseFactor(i, ListMode.Write);
            case SqlKeyword.Explain or SqlKeyword.Describe or SqlKeyword.Desc:
                return ParseExplain(i);
            case SqlKeyword.Show or SqlKeyword.Pragma or SqlKeyword.Fetch:
                // Their results come from the catalog, settings or a cursor's position, which no table token covers.
                _unknownRead = true;
                frame.Kind = StatementKind.Other;
                return i + 1;
            case SqlKeyword.Load:
                // LOAD DATA ... INTO TABLE t: the INTO names the target.
                _statementWrite = true;
                frame.Kind = StatementKind.Other;
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
                frame.Kind = StatementKind.Other;
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

    private int OnWord(int i)
    {
        var token = _tokens[i];
        ref var frame = ref Current;
        switch (token.Keyword)
        {
            case SqlKeyword.Select:
                frame.SawQuery = true;
                frame.SawSelect = true;
                frame.List = ListMode.None;
                return i + 1;
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
            case SqlKeyword.Set:
                frame.List = ListMode.None;
                frame.UpdateTargets = false;
                return i + 1;
            case SqlKeyword.Where or SqlKeyword.Group or SqlKeyword.Having or SqlKeyword.Order or SqlKeyword.Limit
                or SqlKeyword.Offset or SqlKeyword.Fetch or SqlKeyword.Window or SqlKeyword.Union or SqlKeyword.Intersect
                or SqlKeyword.Except or SqlKeyword.Minus or SqlKeyword.Returning or SqlKeyword.Values or SqlKeyword.Output
                or SqlKeyword.Qualify or SqlKeyword.When or SqlKeyword.Restart or SqlKeyword.Restrict:
                frame.List = ListMode.None;
                frame.UpdateTargets = false;
                return i + 1;
            case SqlKeyword.Cascade:
                // TRUNCATE ... CASCADE and DROP ... CASCADE reach tables the SQL does not name; ON DELETE CASCADE does not.
                if (frame.Kind is StatementKind.Truncate or StatementKind.Ddl
                    && !(i > 0 && (_tokens[i - 1].Is(SqlKeyword.Delete) || _tokens[i - 1].Is(SqlKeyword.Update))))
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

    /// <summary>A name that no clause claimed: a column, an alias, or a function when '(' follows.</summary>
    private int OnName(int i)
    {
        var token = _tokens[i];
        if (i + 1 >= _count || _tokens[i + 1].Kind != SqlTokenKind.LeftParen || _frames[0].Kind == StatementKind.Ddl
            || (token.Kind == SqlTokenKind.Word && (token.Keyword != SqlKeyword.None || SqlBuiltIns.IsOperatorWord(_sql.AsSpan(token.Start, token.Length)))))
        {
            return i + 1;
        }

        string? schema = null;
        if (i >= 2 && _tokens[i - 1].Kind == SqlTokenKind.Dot && _tokens[i - 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            schema = Identifier(_tokens[i - 2]);
        }

        var function = new SqlTableReference(schema, Identifier(token));
        AddUnique(_functions, function);

        // EF delimits the names of user-defined functions and never those of built-ins, and built-ins need no schema:
        // a quoted or schema-qualified call is a function of the user's, which may read any table.
        if (token.Kind == SqlTokenKind.QuotedIdentifier || (schema is not null && !SqlBuiltIns.IsSystemSchema(schema)))
        {
            _unknownRead = true;
        }

        return i + 1;
    }

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

    private int BeginNestedStatement(int i)
    {
        ref var frame = ref Current;
        frame = new Frame { Purpose = frame.Purpose, AtStart = true };
        return i;
    }

    private int AfterClose(Purpose closed, int i)
    {
        switch (closed)
        {
            case Purpose.CteBody:
                // A CTE is visible after its body (inside it only WITH RECURSIVE); the name there is a real table.
                Current.Cte = CteState.AfterBody;
                for (var k = (_ctes?.Count ?? 0) - 1; k >= 0; k--)
                {
                    if (_ctes![k].Depth == _depth)
                    {
                        _ctes[k] = _ctes[k] with { VisibleFrom = Math.Min(_ctes[k].VisibleFrom, i) };
                        break;
                    }
                }

                return i;
            case Purpose.TableFactor:
                // (SELECT ...) AS alias: a derived table, which an UPDATE or DELETE may name as its target.
                return ParseAlias(i, null);
            default:
                return i;
        }
    }

    /// <summary>
    ///     Parses one table factor: [LATERAL] [ONLY] name [*] [[AS] alias], a function call, a parameter (table variable),
    ///     or '(' (a subquery or parenthesized join, left for the main loop to open as a frame).
    /// </summary>
    private int ParseFactor(int i, ListMode mode, bool dmlTarget = false)
    {
        while (Is(i, SqlKeyword.Lateral) || Is(i, SqlKeyword.Only))
        {
            i++;
        }

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
        if (i < _count && _tokens[i].Kind == SqlTokenKind.LeftParen)
        {
            if (mode != ListMode.Read)
            {
                // INSERT INTO t (columns), CREATE TABLE t (columns), CREATE INDEX ... ON t (columns)
                AddWrite(name, last, dmlTarget);
                return i;
            }

            if (IsTableHint(i))
            {
                // T-SQL: FROM t (NOLOCK)
                AddRead(name, last);
                return i;
            }

            AddUnique(_functions, name);
            if (!IsBuiltInTableFunction(name))
            {
                _unknownRead = true;
            }

            // The arguments are walked as an expression frame, so subqueries in them are still found.
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

        if (i < _count && _tokens[i].Kind == SqlTokenKind.Operator && _tokens[i].Length == 1 && _sql[_tokens[i].Start] == '*')
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

    private int ParseInsert(int i)
    {
        ref var frame = ref Current;
        frame.Kind = StatementKind.Insert;
        _statementWrite = true;
        i = SkipWriteModifiers(i + 1, allowInto: true, allowFrom: false);
        return ParseFactor(i, ListMode.Write);
    }

    private int ParseUpdate(int i)
    {
        ref var frame = ref Current;
        frame.Kind = StatementKind.Update;
        frame.SawQuery = true;
        frame.UpdateTargets = true;
        frame.List = ListMode.Write;
        _statementWrite = true;
        i = SkipWriteModifiers(i + 1, allowInto: false, allowFrom: false);
        return ParseFactor(i, ListMode.Write, dmlTarget: true);
    }

    private int ParseDelete(int i)
    {
        ref var frame = ref Current;
        frame.Kind = StatementKind.Delete;
        frame.SawQuery = true;
        frame.List = ListMode.Write;
        frame.UsingIsFactor = true;
        _statementWrite = true;
        i = SkipWriteModifiers(i + 1, allowInto: false, allowFrom: true);
        return ParseFactor(i, ListMode.Write, dmlTarget: true);
    }

    private int ParseMerge(int i)
    {
        ref var frame = ref Current;
        frame.Kind = StatementKind.Merge;
        frame.UsingIsFactor = true;
        _statementWrite = true;
        i = SkipWriteModifiers(i + 1, allowInto: true, allowFrom: false);
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
                    if (i < _count && _tokens[i].Kind == SqlTokenKind.LeftParen)
                    {
                        i = SkipBalanced(i);
                    }
                    else if (i < _count && _tokens[i].Kind is SqlTokenKind.Number or SqlTokenKind.Parameter)
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
        ref var frame = ref Current;
        var j = i + 1;
        while (Is(j, SqlKeyword.Temp) || Is(j, SqlKeyword.Temporary) || Is(j, SqlKeyword.Unlogged) || Is(j, SqlKeyword.Table)
            || Is(j, SqlKeyword.Global) || Is(j, SqlKeyword.Local))
        {
            j++;
        }

        if (Is(j, SqlKeyword.Outfile) || Is(j, SqlKeyword.Dumpfile))
        {
            // MySQL SELECT ... INTO OUTFILE 'file' writes a file, not a table.
            return j + 1;
        }

        if (j < _count && IsName(_tokens[j]))
        {
            // SELECT ... INTO new_table creates a table; OUTPUT ... INTO t and LOAD DATA ... INTO TABLE t write one.
            _statementWrite = true;
            if (frame.SawSelect)
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
        ref var frame = ref Current;
        frame.Kind = StatementKind.Copy;
        i++;
        if (i >= _count || !IsName(_tokens[i]))
        {
            // COPY (SELECT ...) TO ...: the query is walked as a frame.
            return i;
        }

        var name = ReadQualifiedName(ref i);
        var last = i - 1;
        if (i < _count && _tokens[i].Kind == SqlTokenKind.LeftParen)
        {
            i = SkipBalanced(i);
        }

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

    private int ParseDdl(int i)
    {
        ref var frame = ref Current;
        var verb = _tokens[i].Keyword;
        frame.Kind = StatementKind.Ddl;
        _statementWrite = true;
        _statementSchemaChange = true;
        i++;
        while (i < _count)
        {
            if (Is(i, SqlKeyword.Or))
            {
                // OR REPLACE, OR ALTER
                i += 2;
            }
            else if (Is(i, SqlKeyword.Temp) || Is(i, SqlKeyword.Temporary) || Is(i, SqlKeyword.Unlogged)
                || Is(i, SqlKeyword.Global) || Is(i, SqlKeyword.Local) || Is(i, SqlKeyword.Virtual)
                || Is(i, SqlKeyword.Unique) || Is(i, SqlKeyword.Clustered) || Is(i, SqlKeyword.Nonclustered)
                || Is(i, SqlKeyword.Fulltext) || Is(i, SqlKeyword.Spatial) || Is(i, SqlKeyword.Recursive)
                || Is(i, SqlKeyword.Materialized))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        var kind = i < _count && _tokens[i].Kind == SqlTokenKind.Word ? _tokens[i].Keyword : SqlKeyword.None;
        switch (kind)
        {
            case SqlKeyword.Table or SqlKeyword.View:
                i = SkipIfExists(i + 1);
                if (verb == SqlKeyword.Drop)
                {
                    frame.List = ListMode.Write;
                }

                return ParseFactor(i, ListMode.Write);
            case SqlKeyword.Index:
                // The index name is not a relation; the table comes after ON (CREATE, and T-SQL/MySQL ALTER and DROP).
                i++;
                if (Is(i, SqlKeyword.Concurrently))
                {
                    i++;
                }

                frame.ExpectOnTarget = true;
                return SkipIfExists(i);
            case SqlKeyword.Sequence or SqlKeyword.Statistics:
                return i + 1;
            case SqlKeyword.Schema or SqlKeyword.Type or SqlKeyword.Extension or SqlKeyword.Domain or SqlKeyword.Collation
                or SqlKeyword.Role or SqlKeyword.User or SqlKeyword.Database or SqlKeyword.Login
                when verb == SqlKeyword.Create:
                return i + 1;
            default:
                // Functions, procedures, triggers, rules, policies; ALTER/DROP of schemas, types, roles, ...
                _statementUnknownWrite = true;
                return i + 1;
        }
    }

    private int ParseRename(int i)
    {
        if (Is(i, SqlKeyword.Column) || Is(i, SqlKeyword.Index) || Is(i, SqlKeyword.Key) || Is(i, SqlKeyword.Constraint))
        {
            return i + 1;
        }

        if (Is(i, SqlKeyword.To) || Is(i, SqlKeyword.As))
        {
            i++;
        }

        return ParseFactor(i, ListMode.Write);
    }

    private int ParseExplain(int i)
    {
        ref var frame = ref Current;
        _unknownRead = true;
        i++;
        var executes = false;
        while (i < _count)
        {
            var token = _tokens[i];
            if (token.Is(SqlKeyword.Analyze) || token.Is(SqlKeyword.Analyse))
            {
                executes = true;
                i++;
            }
            else if (token.Kind == SqlTokenKind.LeftParen)
            {
                var end = SkipBalanced(i);
                for (var j = i; j < end; j++)
                {
                    executes |= _tokens[j].Is(SqlKeyword.Analyze) || _tokens[j].Is(SqlKeyword.Analyse);
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
        frame.Kind = StatementKind.Other;
        frame.AtStart = true;
        return i;
    }

    private int SkipLockingClause(int i)
    {
        var j = i + 1;
        if (!(Is(j, SqlKeyword.Update) || Is(j, SqlKeyword.Share) || Is(j, SqlKeyword.No) || Is(j, SqlKeyword.Key)))
        {
            // FOR XML, FOR JSON, FOR SYSTEM_TIME, FOR EACH ROW, ...
            return i + 1;
        }

        // FOR [NO KEY] UPDATE | FOR [KEY] SHARE [OF a, b] [NOWAIT | SKIP LOCKED]: a read with row locks.
        while (Is(j, SqlKeyword.Update) || Is(j, SqlKeyword.Share) || Is(j, SqlKeyword.No) || Is(j, SqlKeyword.Key))
        {
            j++;
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
        i++;
        if (i < _count && _tokens[i].Kind == SqlTokenKind.LeftParen)
        {
            i = SkipBalanced(i);
        }

        if (!Is(i, SqlKeyword.As))
        {
            frame.Cte = CteState.None;
            return i;
        }

        i++;
        if (Is(i, SqlKeyword.Not))
        {
            i++;
        }

        if (Is(i, SqlKeyword.Materialized))
        {
            i++;
        }

        if (i < _count && _tokens[i].Kind == SqlTokenKind.LeftParen)
        {
            frame.PendingParen = Purpose.CteBody;
            frame.Cte = CteState.InBody;
            return i;
        }

        frame.Cte = CteState.None;
        return i;
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

        j++;
        if (j < _count && _tokens[j].Kind == SqlTokenKind.LeftParen)
        {
            j = SkipBalanced(j);
        }

        return Is(j, SqlKeyword.As);
    }

    private int SkipIfExists(int i)
    {
        if (Is(i, SqlKeyword.If))
        {
            i++;
            if (Is(i, SqlKeyword.Not))
            {
                i++;
            }

            if (Is(i, SqlKeyword.Exists))
            {
                i++;
            }
        }

        return i;
    }

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
                || Is(i + 1, SqlKeyword.Cascade) || Is(i + 1, SqlKeyword.Set) || Is(i + 1, SqlKeyword.Restrict)
                || Is(i + 1, SqlKeyword.No);
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

    private bool IsTableHint(int leftParen)
    {
        if (_dialect != SqlDialect.SqlServer || leftParen + 1 >= _count || _tokens[leftParen + 1].Kind != SqlTokenKind.Word)
        {
            return false;
        }

        var token = _tokens[leftParen + 1];
        return SqlBuiltIns.IsTableHint(_sql.AsSpan(token.Start, token.Length));
    }

    private static bool IsBuiltInTableFunction(SqlTableReference name)
        => (name.Schema is null || SqlBuiltIns.IsSystemSchema(name.Schema)) && SqlBuiltIns.IsTableFunction(name.Name);

    private bool Is(int i, SqlKeyword keyword) => i < _count && _tokens[i].Is(keyword);

    private bool IsFollowedBy(int i, SqlTokenKind kind) => i + 1 < _count && _tokens[i + 1].Kind == kind;

    private bool TextIs(SqlToken token, string text)
        => _sql.AsSpan(token.Start, token.Length).Equals(text, StringComparison.OrdinalIgnoreCase);

    private string Identifier(SqlToken token)
    {
        if (token.Kind != SqlTokenKind.QuotedIdentifier)
        {
            return _sql.Substring(token.Start, token.Length);
        }

        var text = _sql.AsSpan(token.Start, token.Length);
        var unicode = text.Length > 1 && text[1] == '&';
        if (unicode)
        {
            // PostgreSQL U&"d\0061ta"
            text = text[2..];
        }

        var open = text[0];
        var close = open == '[' ? ']' : open;
        var inner = text.Length > 1 && text[^1] == close ? text[1..^1] : text[1..];
        var name = inner.IndexOf(close) < 0
            ? inner.ToString()
            : inner.ToString().Replace(new string(close, 2), close.ToString(), StringComparison.Ordinal);
        return unicode ? DecodeUnicodeEscapes(name) : name;
    }

    private static string DecodeUnicodeEscapes(string name)
    {
        if (!name.Contains('\\', StringComparison.Ordinal))
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != '\\' || i + 1 >= name.Length)
            {
                builder.Append(name[i]);
            }
            else if (name[i + 1] == '\\')
            {
                builder.Append('\\');
                i++;
            }
            else if (name[i + 1] == '+' && i + 8 <= name.Length
                && int.TryParse(name.AsSpan(i + 2, 6), System.Globalization.NumberStyles.HexNumber, null, out var wide)
                && wide <= 0x10FFFF && (wide < 0xD800 || wide > 0xDFFF))
            {
                builder.Append(char.ConvertFromUtf32(wide));
                i += 7;
            }
            else if (i + 5 <= name.Length
                && int.TryParse(name.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                builder.Append(name[i]);
            }
        }

        return builder.ToString();
    }

    private void Push(Purpose purpose)
    {
        if (++_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        _frames[_depth] = new Frame { Purpose = purpose, AtStart = true };
    }

    private void MarkUnknownStatement()
    {
        _statementWrite = true;
        _statementUnknownWrite = true;
        Current.Kind = StatementKind.Unknown;
    }

    private void AddRead(SqlTableReference table, int lastPart)
        => _statementReads.Add(new NameUse(table, lastPart, _tokens[lastPart].Kind == SqlTokenKind.QuotedIdentifier, _depth, false));

    private void AddWrite(SqlTableReference table, int lastPart, bool dmlTarget)
        => _statementWrites.Add(
            new NameUse(table, lastPart, _tokens[lastPart].Kind == SqlTokenKind.QuotedIdentifier, _depth, dmlTarget));

    private void AddAlias(int token, SqlTableReference? table) => (_aliases ??= []).Add((token, table, _depth));

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

    private void EndStatement()
    {
        foreach (var read in _statementReads)
        {
            if (!IsVisibleCte(read, strict: true))
            {
                AddUnique(_reads, read.Table);
            }
        }

        if (!_suppressWrites)
        {
            _isWrite |= _statementWrite;
            _unknownWrite |= _statementUnknownWrite;
            _schemaChange |= _statementSchemaChange;
            foreach (var write in _statementWrites)
            {
                if (write.DmlTarget && write.Table.Schema is null && TryResolveAlias(write, out var aliased))
                {
                    // T-SQL/MySQL: UPDATE b SET ... FROM Blogs AS b; DELETE b FROM Blogs b JOIN ...
                    if (aliased is { } table)
                    {
                        AddUnique(_writes, table);
                    }
                    else
                    {
                        _unknownWrite = true;
                    }
                }
                else if (IsVisibleCte(write, strict: false))
                {
                    // T-SQL: WITH x AS (SELECT ... FROM t) UPDATE x SET ... writes t.
                    _unknownWrite = true;
                }
                else
                {
                    AddUnique(_writes, write.Table);
                }
            }
        }

        _statementReads.Clear();
        _statementWrites.Clear();
        _ctes?.Clear();
        _aliases?.Clear();
        _statementWrite = false;
        _statementUnknownWrite = false;
        _statementSchemaChange = false;
        _suppressWrites = false;
        _depth = 0;
        _frames[0] = new Frame { AtStart = true };
    }

    private bool TryResolveAlias(NameUse write, out SqlTableReference? table)
    {
        // Only T-SQL and MySQL let UPDATE/DELETE name an alias of their own FROM clause (not of a subquery's).
        if (_aliases is not null && _dialect is SqlDialect.SqlServer or SqlDialect.MySql or SqlDialect.Generic)
        {
            foreach (var (alias, aliased, depth) in _aliases)
            {
                if (depth == write.Depth
                    && string.Equals(Identifier(_tokens[alias]), write.Table.Name, StringComparison.OrdinalIgnoreCase))
                {
                    table = aliased;
                    return true;
                }
            }
        }

        table = null;
        return false;
    }

    private static void AddUnique(List<SqlTableReference> tables, SqlTableReference table)
    {
        if (!tables.Contains(table))
        {
            tables.Add(table);
        }
    }

    /// <summary>A relation named at a token position, at a frame depth; for writes, whether it is an UPDATE/DELETE target.</summary>
    private readonly record struct NameUse(SqlTableReference Table, int Position, bool Quoted, int Depth, bool DmlTarget);

    /// <summary>A CTE name: visible from <see cref="VisibleFrom" /> to <see cref="ScopeEnd" /> (token positions).</summary>
    private readonly record struct CteName(string Name, bool Quoted, int Depth, int VisibleFrom, int ScopeEnd);

    /// <summary>The state of one parenthesis level (index 0 is the statement itself).</summary>
    private struct Frame
    {
        public Purpose Purpose;
        public bool AtStart;
        public StatementKind Kind;
        public bool SawQuery;
        public bool SawSelect;
        public ListMode List;
        public bool UsingIsFactor;
        public bool UpdateTargets;
        public bool ExpectOnTarget;
        public CteState Cte;
        public bool CteRecursive;
        public Purpose PendingParen;
    }
}
