namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>The outcome of the orphan check before adding a foreign key.</summary>
/// <param name="Orphans">Rows whose key has no principal row.</param>
/// <param name="NullableColumns">The FK's nullable columns (desired names): set to NULL to fix the orphans.</param>
/// <param name="Blocked">The orphans cannot be fixed without deleting rows: the FK is skipped.</param>
internal sealed record ForeignKeyCheck(long Orphans, IReadOnlyList<string> NullableColumns, bool Blocked);
