namespace EfReadCache.Tool.Protocol;

/// <summary>What the command line asks the worker (running inside the application's context) to do.</summary>
internal sealed class WorkerRequest
{
    /// <summary>One of <see cref="ToolCommand" />'s names.</summary>
    public string Command { get; set; } = "";

    /// <summary>The assembly that holds the DbContext (the <c>--project</c>'s output).</summary>
    public string TargetAssemblyPath { get; set; } = "";

    /// <summary>The assembly the application starts from (the <c>--startup-project</c>'s output).</summary>
    public string StartupAssemblyPath { get; set; } = "";

    /// <summary>The <c>--context</c> name, if given.</summary>
    public string? Context { get; set; }

    /// <summary>The <c>--connection</c> override, if given.</summary>
    public string? Connection { get; set; }

    /// <summary>The <c>--allow-data-loss</c> flag.</summary>
    public bool AllowDataLoss { get; set; }

    /// <summary>The <c>--skip-blocked</c> flag: apply what can be applied, leave the blocked items.</summary>
    public bool SkipBlocked { get; set; }

    /// <summary>The <c>--lock-timeout</c> in seconds, if given.</summary>
    public int? LockTimeoutSeconds { get; set; }

    /// <summary>Arguments after <c>--</c>, passed to the design-time factory or the host builder.</summary>
    public string[] AppArgs { get; set; } = [];

    /// <summary>Where the worker writes its <see cref="CommandReport" />.</summary>
    public string ResultPath { get; set; } = "";

    /// <summary>The <c>--verbose</c> flag.</summary>
    public bool Verbose { get; set; }
}
