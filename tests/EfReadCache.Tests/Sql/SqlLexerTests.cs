using EfReadCache.Internal.Sql;

namespace EfReadCache.Tests.Sql;

public sealed class SqlLexerTests
{
    private static List<(SqlTokenKind Kind, string Text)> Tokens(string sql, SqlDialect dialect, out bool malformed)
    {
        var lexer = new SqlLexer(sql, dialect);
        var tokens = new List<(SqlTokenKind, string)>();
        while (lexer.Next(out var token))
        {
            tokens.Add((token.Kind, sql.Substring(token.Start, token.Length)));
        }

        malformed = lexer.Malformed;
        return tokens;
    }

    [Fact]
    public void PostgreSQL_literals_quotes_and_parameters()
    {
        var tokens = Tokens("SELECT \"a\"\"b\", E'x\\'y', $t$ ' $t$, $1, @p, x::int, arr[2] -- c\nFROM t;", SqlDialect.PostgreSql, out var malformed);

        Assert.False(malformed);
        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT"), (SqlTokenKind.QuotedIdentifier, "\"a\"\"b\""), (SqlTokenKind.Comma, ","),
                (SqlTokenKind.String, "E'x\\'y'"), (SqlTokenKind.Comma, ","), (SqlTokenKind.String, "$t$ ' $t$"),
                (SqlTokenKind.Comma, ","), (SqlTokenKind.Parameter, "$1"), (SqlTokenKind.Comma, ","),
                (SqlTokenKind.Parameter, "@p"), (SqlTokenKind.Comma, ","), (SqlTokenKind.Word, "x"),
                (SqlTokenKind.Operator, "::"), (SqlTokenKind.Word, "int"), (SqlTokenKind.Comma, ","),
                (SqlTokenKind.Word, "arr"), (SqlTokenKind.Operator, "["), (SqlTokenKind.Number, "2"),
                (SqlTokenKind.Operator, "]"), (SqlTokenKind.Word, "FROM"), (SqlTokenKind.Word, "t"),
                (SqlTokenKind.Semicolon, ";")
            ],
            tokens);
    }

    [Fact]
    public void SqlServer_brackets_temp_tables_and_national_strings()
    {
        var tokens = Tokens("SELECT [a]]b], N'it''s', #tmp, @@ROWCOUNT FROM [dbo].[T]", SqlDialect.SqlServer, out var malformed);

        Assert.False(malformed);
        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT"), (SqlTokenKind.QuotedIdentifier, "[a]]b]"), (SqlTokenKind.Comma, ","),
                (SqlTokenKind.String, "N'it''s'"), (SqlTokenKind.Comma, ","), (SqlTokenKind.Word, "#tmp"),
                (SqlTokenKind.Comma, ","), (SqlTokenKind.Parameter, "@@ROWCOUNT"), (SqlTokenKind.Word, "FROM"),
                (SqlTokenKind.QuotedIdentifier, "[dbo]"), (SqlTokenKind.Dot, "."), (SqlTokenKind.QuotedIdentifier, "[T]")
            ],
            tokens);
    }

    [Fact]
    public void MySQL_backticks_hash_comments_and_backslashes()
    {
        var tokens = Tokens("SELECT `a``b`, 'x\\'y' # comment\nFROM t--1", SqlDialect.MySql, out var malformed);

        Assert.False(malformed);
        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT"), (SqlTokenKind.QuotedIdentifier, "`a``b`"), (SqlTokenKind.Comma, ","),
                (SqlTokenKind.String, "'x\\'y'"), (SqlTokenKind.Word, "FROM"), (SqlTokenKind.Word, "t"),
                (SqlTokenKind.Operator, "-"), (SqlTokenKind.Operator, "-"), (SqlTokenKind.Number, "1")
            ],
            tokens);
    }

    [Fact]
    public void Keywords_are_recognized_case_insensitively()
    {
        var lexer = new SqlLexer("select FrOm x", SqlDialect.Generic);
        Assert.True(lexer.Next(out var select));
        Assert.True(lexer.Next(out var from));
        Assert.True(lexer.Next(out var x));
        Assert.Equal(SqlKeyword.Select, select.Keyword);
        Assert.Equal(SqlKeyword.From, from.Keyword);
        Assert.Equal(SqlKeyword.None, x.Keyword);
        Assert.False(lexer.Next(out _));
    }

    [Theory]
    [InlineData("SELECT 'open", SqlDialect.Generic)]
    [InlineData("SELECT \"open", SqlDialect.PostgreSql)]
    [InlineData("SELECT [open", SqlDialect.SqlServer)]
    [InlineData("SELECT 1 /* open", SqlDialect.Sqlite)]
    [InlineData("SELECT /* a /* b */ 1", SqlDialect.PostgreSql)]
    [InlineData("SELECT $x$ open", SqlDialect.PostgreSql)]
    public void Unterminated_text_is_malformed(string sql, SqlDialect dialect)
    {
        _ = Tokens(sql, dialect, out var malformed);
        Assert.True(malformed);
    }
}
