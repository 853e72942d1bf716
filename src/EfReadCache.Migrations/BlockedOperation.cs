namespace EfReadCache.Migrations;

/// <summary>An operation the plan needs but will not run, with the reason and what to do about it.</summary>
public sealed class BlockedOperation
{
    /// <summary>Creates a blocked item.</summary>
    /// <param name="kind">One of the <see cref="SchemaOperationKinds" /> names.</param>
    /// <param name="table">The table.</param>
    /// <param name="reason">Why it is blocked and what to do.</param>
    public BlockedOperation(string kind, string table, string reason)
    {
        Kind = kind;
        Table = table;
        Reason = reason;
    }

    /// <summary>The kind of the blocked operation: one of the <see cref="SchemaOperationKinds" /> names.</summary>
    public string Kind { get; }

    /// <summary>The table.</summary>
    public string Table { get; }

    /// <summary>The column, if the item is about one.</summary>
    public string? Column { get; init; }

    /// <summary>Why it is blocked, and what to do about it.</summary>
    public string Reason { get; }

    /// <summary>
    ///     <see langword="true" /> when <see cref="SchemaMigrationOptions.AllowDataLoss" /> would unblock it;
    ///     <see langword="false" /> when the data has to be fixed first.
    /// </summary>
    public bool RequiresDataLoss { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Table}{(Column is null ? "" : "." + Column)}: {Reason}";
}
