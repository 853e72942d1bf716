namespace EfReadCache.Migrations.Internal.Model;

/// <summary>A provider-neutral picture of one schema: its tables and the objects the migrator does not manage.</summary>
internal sealed class DatabaseSnapshot
{
    public DatabaseSnapshot(string? schema, IEnumerable<TableSnapshot> tables, IEnumerable<UnmanagedObject> unmanaged)
    {
        Schema = schema;
        // SQLite names are case-insensitive. PostgreSQL's quoted names are not, but two tables that differ only by case
        // are rare: the first one read is compared, and the other is left out rather than failing the whole plan.
        var byName = new Dictionary<string, TableSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in tables)
        {
            byName.TryAdd(table.Name, table);
        }

        Tables = byName;
        Unmanaged = unmanaged.ToList();
    }

    public string? Schema { get; }

    /// <summary>PostgreSQL: whether the schema exists (a model's named schema may not yet).</summary>
    public bool SchemaExists { get; init; } = true;

    public IReadOnlyDictionary<string, TableSnapshot> Tables { get; }

    public IReadOnlyList<UnmanagedObject> Unmanaged { get; }

    public TableSnapshot? FindTable(string name) => Tables.GetValueOrDefault(name);
}
