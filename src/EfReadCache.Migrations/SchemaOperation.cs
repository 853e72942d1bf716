namespace EfReadCache.Migrations;

/// <summary>One step of a <see cref="SchemaPlan" />: what it does and the SQL that does it.</summary>
public sealed class SchemaOperation
{
    /// <summary>Creates an operation.</summary>
    /// <param name="kind">One of the <see cref="SchemaOperationKinds" /> names.</param>
    /// <param name="table">The table the operation changes.</param>
    /// <param name="description">What the operation does, for people.</param>
    /// <param name="sql">The statements, in the order they run.</param>
    /// <param name="losesData">Whether the operation loses data.</param>
    public SchemaOperation(string kind, string table, string description, IReadOnlyList<string> sql, bool losesData = false)
    {
        Kind = kind;
        Table = table;
        Description = description;
        Sql = sql;
        LosesData = losesData;
    }

    /// <summary>The kind of operation: one of the <see cref="SchemaOperationKinds" /> names.</summary>
    public string Kind { get; }

    /// <summary>The table the operation changes.</summary>
    public string Table { get; }

    /// <summary>The column the operation is about, if it is about one.</summary>
    public string? Column { get; init; }

    /// <summary>What the operation does, for people.</summary>
    public string Description { get; }

    /// <summary>The SQL statements, in the order they run.</summary>
    public IReadOnlyList<string> Sql { get; }

    /// <summary>Whether the operation loses data (it only appears in a plan when data loss is allowed).</summary>
    public bool LosesData { get; }

    /// <summary>
    ///     How many existing rows the operation changes to make the data fit, when it does: orphan foreign-key values set
    ///     to NULL, or NULLs filled with the model's default before SET NOT NULL. <see langword="null" /> otherwise.
    /// </summary>
    public long? FixedRows { get; init; }

    /// <summary>Queries run after the statements; each counts rows that did not survive the change intact (the apply then fails and rolls back).</summary>
    internal IReadOnlyList<(string CountSql, string Message)> Checks { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Table}: {Description}";
}
