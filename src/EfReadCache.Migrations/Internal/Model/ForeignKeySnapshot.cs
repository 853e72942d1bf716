namespace EfReadCache.Migrations.Internal.Model;

/// <summary>A foreign key. Actions are normalized: RESTRICT reads as NO ACTION.</summary>
internal sealed class ForeignKeySnapshot
{
    public required string? Name { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required string PrincipalTable { get; init; }

    public required IReadOnlyList<string> PrincipalColumns { get; init; }

    public required string OnDelete { get; init; }

    public required string OnUpdate { get; init; }

    /// <summary>SQLite only: the constraint as written in the CREATE TABLE statement, when it is a table constraint.</summary>
    public string? DefinitionSql { get; init; }

    public string Describe()
        => $"({string.Join(", ", Columns)}) -> {PrincipalTable} ({string.Join(", ", PrincipalColumns)}) ON DELETE {OnDelete} ON UPDATE {OnUpdate}";

    public override string ToString() => $"{Name}: {Describe()}";
}
