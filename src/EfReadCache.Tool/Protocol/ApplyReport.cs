namespace EfReadCache.Tool.Protocol;

/// <summary>What <c>migrate apply</c> changed.</summary>
internal sealed class ApplyReport
{
    public bool Applied { get; set; }

    public List<string> ChangedTables { get; set; } = [];

    public List<string> Messages { get; set; } = [];
}
