namespace EfReadCache.Tool.Protocol;

/// <summary>An error: what happened, what to do, and any longer output (such as the build log).</summary>
internal sealed class ErrorReport
{
    public string Message { get; set; } = "";

    public string? Hint { get; set; }

    public string? Details { get; set; }

    public static ErrorReport From(ToolException exception)
        => new() { Message = exception.Message, Hint = exception.Hint, Details = exception.Details };
}
