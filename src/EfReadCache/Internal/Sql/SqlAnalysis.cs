namespace EfReadCache.Internal.Sql;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>What one command text reads and writes, as found by <see cref="SqlAnalyzer.Analyze" />. Immutable.</remarks>
public sealed class SqlAnalysis
{
    /// <summary>Creates an analysis.</summary>
    /// <param name="tags">The leading query tags.</param>
    /// <param name="readTables">The relations read.</param>
    /// <param name="writtenTables">The tables written.</param>
    /// <param name="functions">The functions called.</param>
    /// <param name="isWrite">Whether the SQL may change data or schema.</param>
    /// <param name="writesUnknownTables">Whether the SQL may write tables that cannot be named.</param>
    /// <param name="hasUnknownReadSources">Whether the SQL reads sources that cannot be named.</param>
    /// <param name="isSchemaChange">Whether the SQL changes the schema.</param>
    public SqlAnalysis(
        IReadOnlyList<string> tags,
        IReadOnlyList<SqlTableReference> readTables,
        IReadOnlyList<SqlTableReference> writtenTables,
        IReadOnlyList<SqlTableReference> functions,
        bool isWrite,
        bool writesUnknownTables,
        bool hasUnknownReadSources,
        bool isSchemaChange)
    {
        Tags = tags;
        ReadTables = readTables;
        WrittenTables = writtenTables;
        Functions = functions;
        IsWrite = isWrite || writesUnknownTables || isSchemaChange;
        WritesUnknownTables = writesUnknownTables;
        HasUnknownReadSources = hasUnknownReadSources;
        IsSchemaChange = isSchemaChange;
    }

    /// <summary>
    ///     The EF query tags: the text of each <c>-- </c> comment line before the first token, in order, without the
    ///     <c>-- </c> prefix. EF writes each line of each <c>TagWith</c> tag as one such line.
    /// </summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>
    ///     Every relation the SQL reads, in order of first appearance, without duplicates: tables after <c>FROM</c>,
    ///     any <c>JOIN</c>, comma lists, <c>USING</c> and <c>APPLY</c>, in subqueries anywhere; CTE names excluded.
    ///     Write targets are not listed unless they are also read.
    /// </summary>
    public IReadOnlyList<SqlTableReference> ReadTables { get; }

    /// <summary>
    ///     The tables the SQL writes, in order of first appearance, without duplicates: targets of INSERT, UPDATE,
    ///     DELETE, MERGE, REPLACE, UPSERT, TRUNCATE, COPY ... FROM, SELECT ... INTO, OUTPUT ... INTO, and the tables and
    ///     views that DDL creates, alters, renames or drops.
    /// </summary>
    public IReadOnlyList<SqlTableReference> WrittenTables { get; }

    /// <summary>
    ///     Every function the SQL calls outside DDL, built-ins included, as written (schema when qualified), in order of
    ///     first appearance. A user-defined function may read tables the SQL does not show: compare these with the model's
    ///     functions that are not built-in. (Quoted or schema-qualified calls, which is how EF writes user functions
    ///     except unquoted lower-case names on PostgreSQL, already set <see cref="HasUnknownReadSources" />.)
    /// </summary>
    public IReadOnlyList<SqlTableReference> Functions { get; }

    /// <summary>Whether any statement may change data or schema. Always set when the other write flags are.</summary>
    public bool IsWrite { get; }

    /// <summary>
    ///     Whether a statement may write tables that cannot be named from the SQL (CALL, EXEC, DO, functions, triggers,
    ///     GRANT, ... CASCADE, unknown statements, unparsable text): the caller should invalidate everything.
    /// </summary>
    public bool WritesUnknownTables { get; }

    /// <summary>
    ///     Whether the SQL reads from something whose tables cannot be named: a table-valued function that is not a known
    ///     built-in, a quoted or schema-qualified function call anywhere, a table variable, a temporary table, PRAGMA,
    ///     SHOW, EXPLAIN, FETCH, or unparsable text.
    /// </summary>
    public bool HasUnknownReadSources { get; }

    /// <summary>Whether the SQL changes the schema (CREATE, ALTER, DROP, RENAME, COMMENT, GRANT, SELECT ... INTO).</summary>
    public bool IsSchemaChange { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"reads [{string.Join(", ", ReadTables)}] writes [{string.Join(", ", WrittenTables)}]"
            + (IsWrite ? " write" : "")
            + (WritesUnknownTables ? " writes-unknown" : "")
            + (HasUnknownReadSources ? " reads-unknown" : "")
            + (IsSchemaChange ? " schema" : "");
}
