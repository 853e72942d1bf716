namespace EfReadCache.Tool.Protocol;

/// <summary>
///     The outcome of one command: what <c>--json</c> prints, and what the worker hands back to the command line.
/// </summary>
internal sealed class CommandReport
{
    /// <summary>The command, such as <c>migrate plan</c>.</summary>
    public string Command { get; set; } = "";

    /// <summary>The process exit code (see the documented exit codes).</summary>
    public int ExitCode { get; set; }

    /// <summary>The project the context was looked for in.</summary>
    public string? Project { get; set; }

    /// <summary>The startup project, when it differs from <see cref="Project" />.</summary>
    public string? StartupProject { get; set; }

    /// <summary>The context that was used.</summary>
    public ContextReport? Context { get; set; }

    /// <summary>The plan (plan, check, apply).</summary>
    public PlanReport? Plan { get; set; }

    /// <summary>What apply did.</summary>
    public ApplyReport? Apply { get; set; }

    /// <summary>The doctor's checks, in order.</summary>
    public List<DoctorCheck>? Checks { get; set; }

    /// <summary>Why the command failed, if it did.</summary>
    public ErrorReport? Error { get; set; }
}
