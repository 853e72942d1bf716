namespace EfReadCache.Migrations.Internal;

/// <summary>Quoting and small SQL helpers shared by both dialects (both quote identifiers with double quotes).</summary>
internal static class Sql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string QuoteList(IEnumerable<string> identifiers) => string.Join(", ", identifiers.Select(Quote));

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
