using EfReadCache.Internal.Sql;

namespace EfReadCache.Tests.Sql;

internal static class SqlAssert
{
    /// <summary>Asserts that the tables are exactly <paramref name="expected" /> ("schema.name" or "name", comma-separated), ignoring case and order.</summary>
    public static void Tables(string expected, IReadOnlyList<SqlTableReference> actual, string what)
    {
        var expectedSet = expected.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .Order(StringComparer.Ordinal)
            .ToArray();
        var actualSet = actual.Select(t => t.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal).ToArray();
        Assert.True(
            expectedSet.SequenceEqual(actualSet),
            $"{what}: expected [{string.Join(", ", expectedSet)}] but found [{string.Join(", ", actualSet)}]");
    }

    /// <summary>Asserts the flags exactly: W = IsWrite, U = WritesUnknownTables, R = HasUnknownReadSources, S = IsSchemaChange.</summary>
    public static void Flags(string expected, SqlAnalysis analysis)
    {
        var actual = (analysis.IsWrite ? "W" : "")
            + (analysis.WritesUnknownTables ? "U" : "")
            + (analysis.HasUnknownReadSources ? "R" : "")
            + (analysis.IsSchemaChange ? "S" : "");
        var normalized = new string(expected.Where(c => c != ' ').Order().ToArray());
        Assert.True(
            normalized == new string(actual.Order().ToArray()),
            $"flags: expected '{expected}' but found '{actual}' ({analysis})");
    }

    /// <summary>Asserts reads, writes and flags.</summary>
    public static SqlAnalysis Analysis(string sql, SqlDialect dialect, string reads, string writes, string flags)
    {
        var analysis = SqlAnalyzer.Analyze(sql, dialect);
        Tables(reads, analysis.ReadTables, "reads");
        Tables(writes, analysis.WrittenTables, "writes");
        Flags(flags, analysis);
        return analysis;
    }
}
