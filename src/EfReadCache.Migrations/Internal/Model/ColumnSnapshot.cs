namespace EfReadCache.Migrations.Internal.Model;

/// <summary>A column as the server reports it.</summary>
internal sealed class ColumnSnapshot
{
    public required string Name { get; init; }

    /// <summary>The store type as the server renders it (PostgreSQL: <c>format_type</c>; SQLite: the declared type).</summary>
    public required string StoreType { get; init; }

    public bool IsNullable { get; init; }

    public int? MaxLength { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary>The default expression as the server renders it, or <see langword="null" />.</summary>
    public string? DefaultSql { get; init; }

    /// <summary>The generated-column expression, or <see langword="null" />.</summary>
    public string? ComputedSql { get; init; }

    public bool IsStored { get; init; }

    /// <summary>PostgreSQL identity: <c>a</c> (ALWAYS), <c>d</c> (BY DEFAULT) or <see langword="null" />.</summary>
    public string? Identity { get; init; }

    public override string ToString() => $"{Name} {StoreType}{(IsNullable ? "" : " NOT NULL")}";
}
