using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Diff;

/// <summary>A column present on both sides (possibly under an old name) whose definition differs.</summary>
internal sealed class ColumnChange
{
    public required ColumnSnapshot Live { get; init; }

    public required ColumnSnapshot Desired { get; init; }

    public bool Renamed => !string.Equals(Live.Name, Desired.Name, StringComparison.Ordinal);

    public bool TypeChanged { get; init; }

    public bool NullabilityChanged { get; init; }

    public bool DefaultChanged { get; init; }

    public bool ComputedChanged { get; init; }

    public bool IdentityChanged { get; init; }

    public bool IsAltered => TypeChanged || NullabilityChanged || DefaultChanged || ComputedChanged || IdentityChanged;

    public string Describe()
    {
        var parts = new List<string>();
        if (TypeChanged)
        {
            parts.Add($"type {Live.StoreType} -> {Desired.StoreType}");
        }

        if (NullabilityChanged)
        {
            parts.Add(Desired.IsNullable ? "DROP NOT NULL" : "SET NOT NULL");
        }

        if (DefaultChanged)
        {
            parts.Add($"default {Live.DefaultSql ?? "none"} -> {Desired.DefaultSql ?? "none"}");
        }

        if (ComputedChanged)
        {
            parts.Add($"computed {Live.ComputedSql ?? "none"} -> {Desired.ComputedSql ?? "none"}");
        }

        if (IdentityChanged)
        {
            parts.Add($"identity {Live.Identity ?? "none"} -> {Desired.Identity ?? "none"}");
        }

        return string.Join(", ", parts);
    }
}
