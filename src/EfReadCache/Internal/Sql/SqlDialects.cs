namespace EfReadCache.Internal.Sql;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
public static class SqlDialects
{
    /// <summary>Maps an EF Core provider name (<c>Database.ProviderName</c>) to its SQL dialect.</summary>
    /// <param name="efProviderName">
    ///     The provider's assembly name, such as <c>Microsoft.EntityFrameworkCore.Sqlite</c> or
    ///     <c>Npgsql.EntityFrameworkCore.PostgreSQL</c>.
    /// </param>
    /// <returns>The dialect, or <see cref="SqlDialect.Generic" /> for an unknown or missing provider.</returns>
    public static SqlDialect FromProviderName(string? efProviderName)
    {
        if (string.IsNullOrEmpty(efProviderName))
        {
            return SqlDialect.Generic;
        }

        if (efProviderName.Contains("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return SqlDialect.Sqlite;
        }

        if (efProviderName.Contains("Npgsql", StringComparison.OrdinalIgnoreCase)
            || efProviderName.Contains("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return SqlDialect.PostgreSql;
        }

        if (efProviderName.Contains("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            return SqlDialect.SqlServer;
        }

        return efProviderName.Contains("MySql", StringComparison.OrdinalIgnoreCase)
            || efProviderName.Contains("MariaDb", StringComparison.OrdinalIgnoreCase)
                ? SqlDialect.MySql
                : SqlDialect.Generic;
    }
}
