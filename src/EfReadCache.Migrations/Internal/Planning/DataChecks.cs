using EfReadCache.Migrations.Internal.Apply;

namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>Counts, in the live data, what would make an operation fail or lose data. All names are live names.</summary>
internal static class DataChecks
{
    public static Task<long> CountRowsAsync(MigrationSession session, string table, CancellationToken cancellationToken)
        => session.ScalarLongAsync($"SELECT count(*) FROM {Sql.Quote(table)}", cancellationToken);

    public static Task<long> CountNullsAsync(MigrationSession session, string table, string column, CancellationToken cancellationToken)
        => session.ScalarLongAsync($"SELECT count(*) FROM {Sql.Quote(table)} WHERE {Sql.Quote(column)} IS NULL", cancellationToken);

    /// <summary>How many groups of equal values (NULLs excepted, as unique indexes allow them) hold more than one row.</summary>
    public static Task<long> CountDuplicatesAsync(
        MigrationSession session, string table, IReadOnlyList<string> columns, string? filter, CancellationToken cancellationToken)
    {
        var notNull = string.Join(" AND ", columns.Select(c => $"{Sql.Quote(c)} IS NOT NULL"));
        var where = filter is null ? notNull : $"{notNull} AND ({filter})";
        return session.ScalarLongAsync(
            $"SELECT count(*) FROM (SELECT 1 FROM {Sql.Quote(table)} WHERE {where} GROUP BY {Sql.QuoteList(columns)} HAVING count(*) > 1) AS duplicates",
            cancellationToken);
    }

    public static Task<long> CountOrphansAsync(
        MigrationSession session,
        string table,
        IReadOnlyList<string> columns,
        string? principal,
        IReadOnlyList<string> principalColumns,
        CancellationToken cancellationToken)
        => session.ScalarLongAsync($"SELECT count(*) FROM {Sql.Quote(table)} WHERE {OrphanPredicate(table, columns, principal, principalColumns)}", cancellationToken);

    /// <summary>
    ///     The rows of <paramref name="table" /> whose key (all columns non-NULL, as MATCH SIMPLE requires) has no
    ///     principal row. <paramref name="principal" /> <see langword="null" /> means the principal table is empty or new.
    /// </summary>
    public static string OrphanPredicate(string table, IReadOnlyList<string> columns, string? principal, IReadOnlyList<string> principalColumns)
    {
        var notNull = string.Join(" AND ", columns.Select(c => $"{Sql.Quote(table)}.{Sql.Quote(c)} IS NOT NULL"));
        if (principal is null)
        {
            return notNull;
        }

        var join = string.Join(" AND ", columns.Select((c, i) => $"efrc_p.{Sql.Quote(principalColumns[i])} = {Sql.Quote(table)}.{Sql.Quote(c)}"));
        return $"{notNull} AND NOT EXISTS (SELECT 1 FROM {Sql.Quote(principal)} AS efrc_p WHERE {join})";
    }
}
