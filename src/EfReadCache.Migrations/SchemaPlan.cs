using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EfReadCache.Migrations;

/// <summary>
///     What it takes to make the database match the model: the ordered operations with their SQL, warnings, blocked items
///     with the reason, and the objects the migrator does not manage. It prints readably (<see cref="ToString" />) and
///     serializes to JSON (<see cref="ToJson" />).
/// </summary>
public sealed class SchemaPlan
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Creates a plan.</summary>
    /// <param name="provider">The database provider, e.g. <c>Microsoft.EntityFrameworkCore.Sqlite</c>.</param>
    /// <param name="operations">The operations in the order they run.</param>
    /// <param name="warnings">Things worth knowing that do not stop the plan.</param>
    /// <param name="blocked">Operations that will not run, with the reason.</param>
    /// <param name="unmanaged">Objects the migrator does not manage.</param>
    public SchemaPlan(
        string provider,
        IReadOnlyList<SchemaOperation> operations,
        IReadOnlyList<string> warnings,
        IReadOnlyList<BlockedOperation> blocked,
        IReadOnlyList<UnmanagedObject> unmanaged)
    {
        Provider = provider;
        Operations = operations;
        Warnings = warnings;
        Blocked = blocked;
        Unmanaged = unmanaged;
    }

    /// <summary>The database provider the plan was computed for.</summary>
    public string Provider { get; }

    /// <summary>The operations in the order they run.</summary>
    public IReadOnlyList<SchemaOperation> Operations { get; }

    /// <summary>Things worth knowing that do not stop the plan (e.g. orphan rows that will be set to NULL).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Operations that will not run, each with the reason and what to do.</summary>
    public IReadOnlyList<BlockedOperation> Blocked { get; }

    /// <summary>Views, triggers and check constraints found in the database. The migrator lists them and never changes them.</summary>
    public IReadOnlyList<UnmanagedObject> Unmanaged { get; }

    /// <summary>Whether any operation loses data (only possible when data loss is allowed).</summary>
    public bool LosesData => Operations.Any(o => o.LosesData);

    /// <summary>No operations and nothing blocked: the database matches the model.</summary>
    public bool IsEmpty => Operations.Count == 0 && Blocked.Count == 0;

    /// <summary>The database differs from the model (the opposite of <see cref="IsEmpty" />).</summary>
    public bool HasDrift => !IsEmpty;

    /// <summary>The plan for people: one numbered line per operation with its SQL, then warnings, blocked items and unmanaged objects.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (IsEmpty)
        {
            text.AppendLine("Schema plan: the database matches the model; nothing to do.");
        }
        else
        {
            text.Append("Schema plan: ").Append(Operations.Count).Append(Operations.Count == 1 ? " operation" : " operations");
            text.Append(", ").Append(Blocked.Count).Append(" blocked");
            if (LosesData)
            {
                text.Append(", LOSES DATA");
            }

            text.AppendLine();
        }

        for (var i = 0; i < Operations.Count; i++)
        {
            var operation = Operations[i];
            text.Append("  ").Append(i + 1).Append(". ").Append(operation.Kind).Append(' ').Append(operation.Table);
            if (operation.Column is not null)
            {
                text.Append('.').Append(operation.Column);
            }

            text.Append(": ").Append(operation.Description);
            if (operation.LosesData)
            {
                text.Append(" [loses data]");
            }

            text.AppendLine();
            foreach (var sql in operation.Sql)
            {
                foreach (var line in sql.Split('\n'))
                {
                    text.Append("       ").AppendLine(line.TrimEnd('\r'));
                }
            }
        }

        AppendSection(text, "Warnings", Warnings.Select(w => w));
        AppendSection(text, "Blocked", Blocked.Select(b => b.ToString()));
        AppendSection(text, "Not managed (listed, never changed)", Unmanaged.Select(u => u.ToString()));
        return text.ToString();
    }

    /// <summary>The plan as indented JSON (camelCase names), including <c>isEmpty</c> and <c>losesData</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
        => JsonSerializer.Serialize(
            new
            {
                Provider,
                IsEmpty,
                HasDrift,
                LosesData,
                Operations = Operations.Select(o => new { o.Kind, o.Table, o.Column, o.Description, o.Sql, o.LosesData, o.FixedRows }),
                Warnings,
                Blocked = Blocked.Select(b => new { b.Kind, b.Table, b.Column, b.Reason, b.RequiresDataLoss }),
                Unmanaged = Unmanaged.Select(u => new { u.Kind, u.Name, u.Table }),
            },
            JsonOptions);

    private static void AppendSection(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(title).AppendLine(":");
        foreach (var line in list)
        {
            text.Append("  - ").AppendLine(line);
        }
    }
}
