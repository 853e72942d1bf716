namespace EfReadCache.Internal.Sql;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>The SQL dialect whose quoting, comment and literal rules the analyzer applies.</remarks>
public enum SqlDialect
{
    /// <summary>
    ///     An unknown provider: ANSI rules plus the common extensions (brackets and backticks quote identifiers, dollar
    ///     quoting, no backslash escapes), chosen so that a misreading errs towards extra dependencies and writes.
    /// </summary>
    Generic,

    /// <summary>SQLite.</summary>
    Sqlite,

    /// <summary>PostgreSQL: <c>[</c> is array subscripting, nested block comments, <c>E'...'</c> and dollar-quoted strings.</summary>
    PostgreSql,

    /// <summary>SQL Server: <c>[...]</c> identifiers, nested block comments, <c>#temp</c> tables.</summary>
    SqlServer,

    /// <summary>MySQL and MariaDB: backtick identifiers, <c>#</c> comments, backslash escapes in strings, <c>/*! ... */</c>.</summary>
    MySql
}
