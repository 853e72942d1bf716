namespace EfReadCache.Migrations;

/// <summary>The outcome of <c>ApplySchemaAsync</c>.</summary>
public sealed class SchemaApplyResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="plan">The plan that was computed under the lock.</param>
    /// <param name="applied">Whether the changes were committed.</param>
    /// <param name="changedTables">The tables that changed.</param>
    /// <param name="messages">What happened, for people.</param>
    public SchemaApplyResult(SchemaPlan plan, bool applied, IReadOnlyList<string> changedTables, IReadOnlyList<string> messages)
    {
        Plan = plan;
        Applied = applied;
        ChangedTables = changedTables;
        Messages = messages;
    }

    /// <summary>The plan that was computed under the lock (and applied, unless this was a dry run or it was empty).</summary>
    public SchemaPlan Plan { get; }

    /// <summary>
    ///     <see langword="true" /> when at least one operation was committed; <see langword="false" /> for a dry run or an
    ///     empty plan.
    /// </summary>
    public bool Applied { get; }

    /// <summary>The tables that changed (their cache entries were invalidated).</summary>
    public IReadOnlyList<string> ChangedTables { get; }

    /// <summary>What happened: rows fixed (orphans set to NULL, NULLs filled), operations skipped, and so on.</summary>
    public IReadOnlyList<string> Messages { get; }
}
