namespace EfReadCache.Migrations.Internal;

/// <summary>The SQL dialects the migrator supports.</summary>
internal enum SchemaDialect
{
    Sqlite,
    PostgreSql,
}
