namespace EfReadCache.Migrations.Internal.Model;

/// <summary>An index that is not backing a primary key or a constraint.</summary>
internal sealed class IndexSnapshot
{
    public required string Name { get; init; }

    /// <summary>The indexed columns; an expression column is <see langword="null" />.</summary>
    public required IReadOnlyList<string?> Columns { get; init; }

    public bool IsUnique { get; init; }

    public string? Filter { get; init; }

    /// <summary>The CREATE INDEX statement as the server reports it (SQLite <c>sqlite_master.sql</c>).</summary>
    public string? CreateSql { get; init; }

    /// <summary>A UNIQUE constraint (an EF alternate key) rather than a plain index.</summary>
    public bool IsConstraint { get; init; }

    public bool HasExpressions => Columns.Any(c => c is null);

    public string Describe()
        => $"{(IsConstraint ? "UNIQUE CONSTRAINT " : IsUnique ? "UNIQUE " : "")}({string.Join(", ", Columns.Select(c => c ?? "<expression>"))}){(Filter is null ? "" : " WHERE " + Filter)}";

    public override string ToString() => $"{Name} {Describe()}";
}
