namespace EfReadCache.Migrations.Internal.Model;

/// <summary>A table: columns in ordinal order, primary key, foreign keys and indexes.</summary>
internal sealed class TableSnapshot
{
    public required string Name { get; init; }

    public required IReadOnlyList<ColumnSnapshot> Columns { get; init; }

    public string? PrimaryKeyName { get; init; }

    public IReadOnlyList<string> PrimaryKey { get; init; } = [];

    public IReadOnlyList<ForeignKeySnapshot> ForeignKeys { get; init; } = [];

    public IReadOnlyList<IndexSnapshot> Indexes { get; init; } = [];

    /// <summary>PostgreSQL: CHECK constraints (name, <c>pg_get_constraintdef</c>). Not compared; used when a table is created.</summary>
    public IReadOnlyList<(string Name, string Definition)> CheckConstraints { get; init; } = [];

    /// <summary>SQLite only: the CREATE TABLE statement as stored in sqlite_master.</summary>
    public string? CreateSql { get; init; }

    /// <summary>SQLite only: the table's top-level definitions (column definitions and table constraints) as written.</summary>
    public IReadOnlyList<SqliteDefinition> Definitions { get; init; } = [];

    /// <summary>SQLite only: the CREATE TRIGGER statements of the table's triggers.</summary>
    public IReadOnlyList<string> TriggerSql { get; init; } = [];

    public ColumnSnapshot? FindColumn(string name)
        => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal))
            ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
