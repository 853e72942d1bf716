using System.Collections.Frozen;

namespace EfReadCache.Internal.Sql;

/// <summary>Names the analyzer knows: built-in table-valued functions, system schemas and T-SQL table hints.</summary>
internal static class SqlBuiltIns
{
    // Built-in set-returning functions that read only their arguments, never a table. EF emits several of them for
    // primitive collections and JSON columns (json_each, unnest, jsonb_to_recordset, OPENJSON).
    private static readonly FrozenSet<string> TableFunctions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "json_each", "json_tree", "jsonb_each", "jsonb_tree", "json_each_text", "jsonb_each_text",
        "json_array_elements", "json_array_elements_text", "jsonb_array_elements", "jsonb_array_elements_text",
        "json_to_record", "json_to_recordset", "jsonb_to_record", "jsonb_to_recordset",
        "json_populate_record", "json_populate_recordset", "jsonb_populate_record", "jsonb_populate_recordset",
        "json_object_keys", "jsonb_object_keys", "jsonb_path_query", "json_table", "xmltable",
        "unnest", "generate_series", "generate_subscripts", "regexp_matches", "regexp_split_to_table", "string_to_table",
        "openjson", "string_split");

    private static readonly FrozenSet<string> SystemSchemas = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "pg_catalog", "information_schema", "sys", "main");

    // Words that precede '(' without being function calls.
    private static readonly FrozenSet<string> OperatorWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "AND", "IN", "ANY", "SOME", "ARRAY", "ROW", "OVER", "FILTER", "WITHIN", "CAST", "TRY_CAST", "CONFLICT", "LIKE",
        "ILIKE", "BETWEEN", "CASE", "INTERVAL", "ESCAPE", "REFERENCES", "CUBE", "ROLLUP", "SETS", "SIMILAR", "PRIMARY",
        "FOREIGN", "IDENTITY", "RETURNS", "EACH", "BY", "INCLUDE", "OUTPUT", "VARCHAR", "NVARCHAR", "NCHAR", "VARYING",
        "DECIMAL", "NUMERIC", "VARBINARY", "DATETIME2", "DATETIMEOFFSET");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OperatorWordLookup
        = OperatorWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> TableHints = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "NOLOCK", "READUNCOMMITTED", "READCOMMITTED", "REPEATABLEREAD", "SERIALIZABLE", "SNAPSHOT", "UPDLOCK",
        "HOLDLOCK", "ROWLOCK", "PAGLOCK", "TABLOCK", "TABLOCKX", "XLOCK", "NOWAIT", "READPAST", "INDEX", "FORCESEEK",
        "FORCESCAN");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TableHintLookup
        = TableHints.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a function name is a built-in table-valued function that reads no table.</summary>
    /// <param name="name">The unqualified name.</param>
    /// <returns><see langword="true" /> if it is.</returns>
    public static bool IsTableFunction(string name) => TableFunctions.Contains(name);

    /// <summary>Whether a schema holds the built-in functions (pg_catalog, information_schema, sys, main).</summary>
    /// <param name="schema">The schema.</param>
    /// <returns><see langword="true" /> if it does.</returns>
    public static bool IsSystemSchema(string schema) => SystemSchemas.Contains(schema);

    /// <summary>Whether a word followed by '(' is an operator or clause (IN, ANY, ARRAY, OVER, CAST, ...), not a function.</summary>
    /// <param name="word">The word.</param>
    /// <returns><see langword="true" /> if it is.</returns>
    public static bool IsOperatorWord(ReadOnlySpan<char> word) => OperatorWordLookup.Contains(word);

    /// <summary>Whether a word is a T-SQL table hint, as in <c>FROM t (NOLOCK)</c>.</summary>
    /// <param name="word">The word.</param>
    /// <returns><see langword="true" /> if it is.</returns>
    public static bool IsTableHint(ReadOnlySpan<char> word) => TableHintLookup.Contains(word);
}
