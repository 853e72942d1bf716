namespace EfReadCache.Migrations.Internal.Introspection;

/// <summary>Normalizes referential actions. RESTRICT and NO ACTION compare equal (both reject the change).</summary>
internal static class ForeignKeyActions
{
    public const string NoAction = "NO ACTION";

    public static string Normalize(string? action)
    {
        var text = string.Join(' ', (action ?? "").ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text is "" or "RESTRICT" or "NONE" ? NoAction : text;
    }

    /// <summary>PostgreSQL's <c>pg_constraint.confdeltype</c>/<c>confupdtype</c> letters.</summary>
    public static string FromPostgres(string? code) => code switch
    {
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => NoAction,
    };
}
