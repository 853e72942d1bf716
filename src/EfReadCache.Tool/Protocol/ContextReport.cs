namespace EfReadCache.Tool.Protocol;

/// <summary>Which DbContext was used, how it was created, and what database it points to.</summary>
internal sealed class ContextReport
{
    /// <summary>The context's type name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The context's full type name.</summary>
    public string FullName { get; set; } = "";

    /// <summary>How it was created: a design-time factory, the application's host, or a constructor.</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>EF's provider name, such as <c>Microsoft.EntityFrameworkCore.Sqlite</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The connection string without secrets.</summary>
    public string? Database { get; set; }
}
