namespace EfReadCache.Migrations.Internal.Introspection;

/// <summary>Tables the migrator never manages.</summary>
internal static class SchemaReaderFilters
{
    public static bool IsIgnoredTable(string name)
        => name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("ef_rebuild_", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "__EFMigrationsHistory", StringComparison.OrdinalIgnoreCase);
}
