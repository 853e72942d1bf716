namespace EfReadCache.Storage;

/// <summary>
///     A set of tables of one database: the unit that tokens are read, written and compared for. Table names are
///     normalized (lower case, no schema) and sorted, so equal sets have equal order.
/// </summary>
public sealed class TableSet : IEquatable<TableSet>
{
    private readonly int _hash;

    /// <summary>Creates a set; names are normalized, sorted and deduplicated.</summary>
    /// <param name="database">The database identity (see <see cref="CacheKey.Database" />).</param>
    /// <param name="tables">The table names.</param>
    public TableSet(string database, IEnumerable<string> tables)
    {
        Database = database;
        Tables = tables.Select(Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var hash = new HashCode();
        hash.Add(database);
        foreach (var table in Tables)
        {
            hash.Add(table);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>The database identity the tables belong to.</summary>
    public string Database { get; }

    /// <summary>The normalized table names, sorted.</summary>
    public IReadOnlyList<string> Tables { get; }

    /// <summary>
    ///     State a store may attach to this set (for example its resolved token slots); the store must recognize its
    ///     own. This is an internal API that supports the EfReadCache infrastructure.
    /// </summary>
    public object? StoreStates { get; set; }

    /// <summary>The number of tables.</summary>
    public int Count => Tables.Count;

    /// <summary>Normalizes a table name the way token keys use it: the last part of a qualified name, in lower case.</summary>
    /// <param name="table">A table name, possibly schema-qualified.</param>
    /// <returns>The normalized name.</returns>
    public static string Normalize(string table)
    {
        var dot = table.LastIndexOf('.');
        var name = dot >= 0 ? table[(dot + 1)..] : table;
        return name.Trim().Trim('"', '[', ']', '`').ToLowerInvariant();
    }

    /// <inheritdoc />
    public bool Equals(TableSet? other)
        => other is not null && _hash == other._hash && Database == other.Database && Tables.SequenceEqual(other.Tables);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TableSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Tables);
}
