namespace EfReadCache.Tool.Cli;

/// <summary>The options of one invocation, as parsed from the command line.</summary>
internal sealed record ToolSettings
{
    public string? Project { get; init; }

    public string? StartupProject { get; init; }

    public string? Context { get; init; }

    public string Configuration { get; init; } = "Debug";

    public string? Framework { get; init; }

    public bool NoBuild { get; init; }

    public string? Connection { get; init; }

    public bool Verbose { get; init; }

    public bool Json { get; init; }

    public bool AllowDataLoss { get; init; }

    public bool SkipBlocked { get; init; }

    public int? LockTimeoutSeconds { get; init; }

    public string[] AppArgs { get; init; } = [];
}
