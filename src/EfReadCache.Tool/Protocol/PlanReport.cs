namespace EfReadCache.Tool.Protocol;

/// <summary>A schema plan: what the migrator would run, what it warns about, and what it refuses.</summary>
internal sealed class PlanReport
{
    public List<OperationReport> Operations { get; set; } = [];

    public List<string> Warnings { get; set; } = [];

    public List<BlockedReport> Blocked { get; set; } = [];

    public List<UnmanagedReport> Unmanaged { get; set; } = [];

    public bool LosesData { get; set; }

    public bool IsEmpty { get; set; }

    public bool HasDrift { get; set; }
}

/// <summary>One operation of a plan.</summary>
internal sealed class OperationReport
{
    public string Kind { get; set; } = "";

    public string Table { get; set; } = "";

    public string? Column { get; set; }

    public string Description { get; set; } = "";

    public List<string> Sql { get; set; } = [];

    public bool LosesData { get; set; }

    /// <summary>Rows the operation fixes (for example orphans set to NULL before a foreign key).</summary>
    public long? FixedRows { get; set; }
}

/// <summary>An operation the migrator will not run, and why.</summary>
internal sealed class BlockedReport
{
    public string Kind { get; set; } = "";

    public string Table { get; set; } = "";

    public string? Column { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>Whether <c>--allow-data-loss</c> would unblock it (otherwise the data must be fixed first).</summary>
    public bool RequiresDataLoss { get; set; }
}

/// <summary>A database object the migrator does not manage (view, trigger, check constraint...).</summary>
internal sealed class UnmanagedReport
{
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Table { get; set; }
}
