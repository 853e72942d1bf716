namespace EfReadCache.Internal.Sql;

/// <content>Called functions: recorded by name; a user's function, which may read any table, makes the reads unknown.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>A name that no clause claimed: a column, an alias, or a function when '(' follows.</summary>
    private int OnName(int i)
    {
        var token = _tokens[i];
        if (!IsFollowedBy(i, SqlTokenKind.LeftParen) || _frames[0].Kind == StatementKind.Ddl
            || (token.Kind == SqlTokenKind.Word && (token.Keyword != SqlKeyword.None || SqlBuiltIns.IsOperatorWord(_sql.AsSpan(token.Start, token.Length)))))
        {
            return i + 1;
        }

        string? schema = null;
        if (i >= 2 && _tokens[i - 1].Kind == SqlTokenKind.Dot && _tokens[i - 2].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            schema = Identifier(_tokens[i - 2]);
        }

        AddUnique(_functions, new SqlTableReference(schema, Identifier(token)));

        // EF delimits the names of user-defined functions and never those of built-ins, and built-ins need no schema:
        // a quoted or schema-qualified call is a function of the user's, which may read any table.
        if (token.Kind == SqlTokenKind.QuotedIdentifier || (schema is not null && !SqlBuiltIns.IsSystemSchema(schema)))
        {
            _unknownRead = true;
        }

        return i + 1;
    }

    /// <summary>A function called in FROM: only known built-in table functions read no table.</summary>
    private void AddTableFunction(SqlTableReference name)
    {
        AddUnique(_functions, name);
        if (!IsBuiltInTableFunction(name))
        {
            _unknownRead = true;
        }
    }

    private static bool IsBuiltInTableFunction(SqlTableReference name)
        => (name.Schema is null || SqlBuiltIns.IsSystemSchema(name.Schema)) && SqlBuiltIns.IsTableFunction(name.Name);
}
