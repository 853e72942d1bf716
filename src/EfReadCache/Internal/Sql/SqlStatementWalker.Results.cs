namespace EfReadCache.Internal.Sql;

/// <content>
///     The end of a statement: its names, less visible CTEs and with UPDATE/DELETE aliases resolved, join the
///     command's result, and the per-statement state is reset.
/// </content>
internal sealed partial class SqlStatementWalker
{
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
}
