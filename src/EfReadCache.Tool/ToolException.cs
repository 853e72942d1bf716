namespace EfReadCache.Tool;

/// <summary>An error the tool explains to the user: what went wrong, what to do next, and the exit code.</summary>
internal sealed class ToolException : Exception
{
    public ToolException(int exitCode, string message, string? hint = null, string? details = null, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
        Hint = hint;
        Details = details;
    }

    /// <summary>The process exit code this error maps to (see <see cref="ExitCodes" />).</summary>
    public int ExitCode { get; }

    /// <summary>What the user should do next.</summary>
    public string? Hint { get; }

    /// <summary>Longer output that explains the error, such as the build log.</summary>
    public string? Details { get; }
}
