using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Diff;

/// <summary>Everything that differs between the live database and the desired schema.</summary>
internal sealed class SchemaDiff
{
    public List<TableSnapshot> CreatedTables { get; } = [];

    public List<TableSnapshot> DroppedTables { get; } = [];

    public List<TableDiff> AlteredTables { get; } = [];

    public bool IsEmpty => CreatedTables.Count == 0 && DroppedTables.Count == 0 && AlteredTables.Count == 0;
}
