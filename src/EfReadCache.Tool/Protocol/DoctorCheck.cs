namespace EfReadCache.Tool.Protocol;

/// <summary>One doctor check: its status and, unless it passed, what to do.</summary>
internal sealed class DoctorCheck
{
    public const string Pass = "pass";
    public const string Warn = "warn";
    public const string Fail = "fail";
    public const string Skip = "skip";

    /// <summary>The check's short name, such as <c>database</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>pass</c>, <c>warn</c>, <c>fail</c>, or <c>skip</c> when an earlier failure prevents it.</summary>
    public string Status { get; set; } = Pass;

    /// <summary>What was found.</summary>
    public string Message { get; set; } = "";

    /// <summary>What to do about it.</summary>
    public string? Hint { get; set; }

    public static DoctorCheck Create(string name, string status, string message, string? hint = null)
        => new() { Name = name, Status = status, Message = message, Hint = hint };
}
