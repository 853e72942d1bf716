using EfReadCache.Migrations.Internal.Introspection;

namespace EfReadCache.Migrations.Tests.Unit;

public sealed class SqliteDdlParserTests
{
    [Fact]
    public void Splits_columns_and_constraints_respecting_quotes_comments_and_parentheses()
    {
        var definitions = SqliteDdlParser.SplitDefinitions("""
            CREATE TABLE "Posts" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT, -- a comment, with a comma
                [Odd, Name] TEXT DEFAULT 'a, b',
                `Total` NUMERIC(10, 2) CHECK ("Total" >= 0),
                "Upper" TEXT GENERATED ALWAYS AS (upper("Odd, Name")) STORED,
                CONSTRAINT "FK_Posts_Blogs" FOREIGN KEY ("BlogId") REFERENCES "Blogs" ("Id") ON DELETE CASCADE,
                UNIQUE ("Total"),
                CHECK (length([Odd, Name]) > 0) /* last, with a comma */
            )
            """);

        Assert.Equal(["Id", "Odd, Name", "Total", "Upper", null, null, null], definitions.Select(d => d.ColumnName));
        Assert.Equal([null, null, null, null, "FOREIGN", "UNIQUE", "CHECK"], definitions.Select(d => d.ConstraintKind));
        Assert.Equal("[Odd, Name] TEXT DEFAULT 'a, b'", definitions[1].Text);
        Assert.Equal("\"Id\" INTEGER NOT NULL CONSTRAINT \"PK_Posts\" PRIMARY KEY AUTOINCREMENT", definitions[0].Text);
        Assert.Equal("CHECK (length([Odd, Name]) > 0)", definitions[6].Text);
        Assert.True(SqliteDdlParser.HasCheck(definitions[2].Text));
        Assert.False(SqliteDdlParser.HasCheck(definitions[1].Text));
        Assert.Equal(("upper(\"Odd, Name\")", true), SqliteDdlParser.ExtractGenerated(definitions[3].Text));
    }

    [Fact]
    public void Finds_the_where_clause_of_a_partial_index_only_at_the_top_level()
    {
        Assert.Equal("\"Title\" <> 'WHERE'", SqliteDdlParser.ExtractWhere("CREATE INDEX \"IX\" ON \"Posts\" (\"Title\") WHERE \"Title\" <> 'WHERE'"));
        Assert.Null(SqliteDdlParser.ExtractWhere("CREATE INDEX \"where\" ON \"Posts\" (\"Title\")"));
    }

    [Fact]
    public void Removes_comments_but_not_quoted_dashes()
        => Assert.Equal("\"a--b\" TEXT DEFAULT '--' ", SqliteDdlParser.RemoveComments("\"a--b\" TEXT DEFAULT '--' -- note, here"));

    [Fact]
    public void Renames_the_leading_identifier_of_a_column_definition()
        => Assert.Equal("\"New\" TEXT NOT NULL", SqliteDdlParser.ReplaceLeadingIdentifier("[Old] TEXT NOT NULL", "\"New\""));

    [Fact]
    public void Reads_the_table_options_after_the_body()
    {
        Assert.Equal("WITHOUT ROWID, STRICT", SqliteDdlParser.TableOptions("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT CHECK (b <> ')')) WITHOUT ROWID, STRICT;"));
        Assert.Equal("", SqliteDdlParser.TableOptions("CREATE TABLE t (a)"));
    }

    [Fact]
    public void Reads_constraint_names_and_columns()
    {
        const string definition = "CONSTRAINT \"FK_Posts_Blogs\" FOREIGN KEY (\"BlogId\", [Other]) REFERENCES \"Blogs\" (\"Id\", \"X\")";
        Assert.Equal("FK_Posts_Blogs", SqliteDdlParser.ConstraintName(definition));
        Assert.Equal(["BlogId", "Other"], SqliteDdlParser.ConstraintColumns(definition));
        Assert.Null(SqliteDdlParser.ConstraintName("UNIQUE (\"A\")"));
    }
}
