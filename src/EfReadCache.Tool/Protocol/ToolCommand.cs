namespace EfReadCache.Tool.Protocol;

/// <summary>The commands the worker knows.</summary>
internal static class ToolCommand
{
    public const string Plan = "migrate plan";
    public const string Apply = "migrate apply";
    public const string Check = "migrate check";
    public const string Doctor = "doctor";
}
