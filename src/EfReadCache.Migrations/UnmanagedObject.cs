namespace EfReadCache.Migrations;

/// <summary>A database object the migrator does not manage (a view, a trigger, a check constraint). It is listed, never changed.</summary>
public sealed class UnmanagedObject
{
    /// <summary>Creates an entry.</summary>
    /// <param name="kind"><c>view</c>, <c>trigger</c> or <c>check</c>.</param>
    /// <param name="name">The object's name.</param>
    /// <param name="table">The table it belongs to, if any.</param>
    public UnmanagedObject(string kind, string name, string? table)
    {
        Kind = kind;
        Name = name;
        Table = table;
    }

    /// <summary><c>view</c>, <c>trigger</c> or <c>check</c>.</summary>
    public string Kind { get; }

    /// <summary>The object's name.</summary>
    public string Name { get; }

    /// <summary>The table the object belongs to (triggers and checks), or <see langword="null" />.</summary>
    public string? Table { get; }

    /// <inheritdoc />
    public override string ToString() => Table is null ? $"{Kind} {Name}" : $"{Kind} {Name} on {Table}";
}
