namespace EfReadCache.Internal.Sql;

/// <content>
///     Schema changes: CREATE, ALTER and DROP (the relation they change, or an unknown write for objects that may change
///     any table), RENAME, and IF [NOT] EXISTS.
/// </content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>Marks the statement a write that changes the schema; returns the current frame.</summary>
    private ref Frame BeginSchemaChange(StatementKind kind)
    {
        _statementSchemaChange = true;
        return ref BeginWrite(kind);
    }

    private int ParseDdl(int i)
    {
        var verb = _tokens[i].Keyword;
        ref var frame = ref BeginSchemaChange(StatementKind.Ddl);
        i++;
        while (i < _count)
        {
            if (Is(i, SqlKeyword.Or))
            {
                // OR REPLACE, OR ALTER
                i += 2;
            }
            else if (IsAny(
                i, SqlKeyword.Temp, SqlKeyword.Temporary, SqlKeyword.Unlogged, SqlKeyword.Global, SqlKeyword.Local,
                SqlKeyword.Virtual, SqlKeyword.Unique, SqlKeyword.Clustered, SqlKeyword.Nonclustered, SqlKeyword.Fulltext,
                SqlKeyword.Spatial, SqlKeyword.Recursive, SqlKeyword.Materialized))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        var kind = Is(i, SqlTokenKind.Word) ? _tokens[i].Keyword : SqlKeyword.None;
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
                frame.ExpectOnTarget = true;
                return SkipIfExists(SkipOptional(i + 1, SqlKeyword.Concurrently));
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

    /// <summary>RENAME [TABLE] a TO b, c TO d: every name is written (the list goes on after commas).</summary>
    private int ParseRenameStatement(int i)
    {
        BeginSchemaChange(StatementKind.Ddl).List = ListMode.Rename;
        return ParseFactor(SkipOptional(i + 1, SqlKeyword.Table), ListMode.Write);
    }

    /// <summary>ALTER ... RENAME [TO | AS] name; renaming a column, index, key or constraint changes no relation's name.</summary>
    private int ParseRename(int i)
    {
        if (IsAny(i, SqlKeyword.Column, SqlKeyword.Index, SqlKeyword.Key, SqlKeyword.Constraint))
        {
            return i + 1;
        }

        return ParseFactor(IsAny(i, SqlKeyword.To, SqlKeyword.As) ? i + 1 : i, ListMode.Write);
    }

    private int SkipIfExists(int i)
        => Is(i, SqlKeyword.If) ? SkipOptional(SkipOptional(i + 1, SqlKeyword.Not), SqlKeyword.Exists) : i;
}
