using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Diff;

/// <summary>The differences of one table present on both sides.</summary>
internal sealed class TableDiff
{
    public required TableSnapshot Live { get; init; }

    public required TableSnapshot Desired { get; init; }

    public string Name => Desired.Name;

    public List<ColumnSnapshot> AddedColumns { get; } = [];

    public List<ColumnSnapshot> DroppedColumns { get; } = [];

    public List<ColumnChange> ChangedColumns { get; } = [];

    public bool PrimaryKeyChanged { get; set; }

    public List<ForeignKeySnapshot> DroppedForeignKeys { get; } = [];

    public List<ForeignKeySnapshot> AddedForeignKeys { get; } = [];

    public List<IndexSnapshot> DroppedIndexes { get; } = [];

    public List<IndexSnapshot> AddedIndexes { get; } = [];

    /// <summary>Desired column name to live column name, for the columns present on both sides.</summary>
    public Dictionary<string, string> LiveNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty
        => AddedColumns.Count == 0 && DroppedColumns.Count == 0 && ChangedColumns.Count == 0 && !PrimaryKeyChanged
            && DroppedForeignKeys.Count == 0 && AddedForeignKeys.Count == 0 && DroppedIndexes.Count == 0 && AddedIndexes.Count == 0;
}
