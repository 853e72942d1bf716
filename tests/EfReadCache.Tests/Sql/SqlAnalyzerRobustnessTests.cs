using EfReadCache.Internal.Sql;

namespace EfReadCache.Tests.Sql;

// The analyzer runs on every command EF sends: whatever the text, it must return, never throw.
public sealed class SqlAnalyzerRobustnessTests
{
    private static readonly SqlDialect[] Dialects = Enum.GetValues<SqlDialect>();

    [Fact]
    public void Every_prefix_of_every_test_statement_is_analyzed_without_throwing()
    {
        var count = 0;
        foreach (var row in HandWrittenSqlTests.Cases())
        {
            var sql = (string)row[2];
            foreach (var dialect in Dialects)
            {
                for (var length = 0; length <= sql.Length; length++)
                {
                    var analysis = SqlAnalyzer.Analyze(sql[..length], dialect);
                    Assert.NotNull(analysis.ReadTables);
                    count++;
                }
            }
        }

        Assert.True(count > 10_000, $"only {count} prefixes were analyzed");
    }

    [Fact]
    public void Random_sql_like_text_is_analyzed_without_throwing()
    {
        string[] pieces =
        [
            "SELECT", "FROM", "JOIN", "WITH", "AS", "(", ")", ",", ";", ".", "*", "'", "\"", "[", "]", "`", "$$", "$a$",
            "--", "/*", "*/", "#", "@p", ":p", "?", "$1", "E'", "U&\"", "N'", "\\", "INSERT", "INTO", "UPDATE", "SET",
            "DELETE", "MERGE", "USING", "ON", "DO", "CREATE", "TABLE", "DROP", "ALTER", "RENAME", "TO", "INDEX", "IS",
            "DISTINCT", "EXTRACT", "LATERAL", "ONLY", "ROWS", "FOR", "OF", "CASCADE", "EXPLAIN", "ANALYZE", "TOP", "OR",
            "RECURSIVE", "MATERIALIZED", "NOT", "COPY", "TRUNCATE", "CALL", "t", "u", "x", "1", "\n", " ", "\\+00D800",
            "U&\"\\+00D800\"", "U&\"\\+110000\"", "/*!", "--x\n"
        ];
        var random = new Random(20240601);
        for (var n = 0; n < 3000; n++)
        {
            var text = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var dialect in Dialects)
            {
                var analysis = SqlAnalyzer.Analyze(text, dialect);
                Assert.NotNull(analysis.WrittenTables);
            }
        }
    }
}
