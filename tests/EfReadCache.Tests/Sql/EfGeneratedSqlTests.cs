using EfReadCache.Internal.Sql;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Tests.Sql;

// The analyzer on real EF Core 10 SQL. Queries come from EF itself (CreateDbCommand().CommandText, which is what the
// command interceptor sees; ToQueryString() is that text plus parameter declarations such as SQLite's ".param set").
// Commands of terminal operators, ExecuteUpdate/ExecuteDelete and SaveChanges are captured from a real SQLite file and,
// for PostgreSQL, offline with an interceptor that suppresses the connection. The expected sets were read off the SQL.
public sealed class EfGeneratedSqlTests
{
    private static readonly List<int> Ids = [1, 2];

    private sealed record QueryCase(Func<AnalyzerContext, IQueryable> Query, string SqliteReads, string PostgresReads);

    private static readonly Dictionary<string, QueryCase> Queries = new()
    {
        ["simple_where"] = Same(db => db.Blogs.Where(b => b.Rating > 3), "Blogs"),
        ["include_collection_with_owned_table"] = Same(db => db.Blogs.Include(b => b.Posts), "Blogs, Posts, PostStats"),
        ["include_split_first_query"] = Same(db => db.Blogs.Include(b => b.Posts).AsSplitQuery(), "Blogs"),
        ["include_many_to_many"] = Same(db => db.Blogs.Include(b => b.Tags), "Blogs, BlogTag, Tags"),
        ["any_subquery"] = Same(db => db.Blogs.Where(b => b.Posts.Any(p => p.Title.Contains("x"))), "Blogs, Posts"),
        ["all_subquery"] = Same(db => db.Blogs.Where(b => b.Posts.All(p => p.BlogId > 0)), "Blogs, Posts"),
        ["contains_parameter_list"] = Same(db => db.Blogs.Where(b => Ids.Contains(b.Id)), "Blogs"),
        ["contains_subquery"] = Same(db => db.Blogs.Where(b => db.Posts.Select(p => p.BlogId).Contains(b.Id)), "Blogs, Posts"),
        ["primitive_collection_as_table"] = Same(db => db.Blogs.Where(b => Ids.Count(i => i > b.Rating) > 1), "Blogs"),
        ["count_subquery"] = Same(db => db.Blogs.Where(b => b.Posts.Count() > 2), "Blogs, Posts"),
        ["nested_collection_projection"] = Same(
            db => db.Blogs.Select(b => new
            {
                b.Name,
                Posts = b.Posts.Select(p => new { p.Title, p.Stats!.Views }).ToList(),
                Tags = b.Tags.Select(t => t.Label).ToList()
            }),
            "Blogs, Posts, PostStats, BlogTag, Tags"),
        ["group_by"] = Same(db => db.Posts.GroupBy(p => p.BlogId).Select(g => new { g.Key, Count = g.Count() }), "Posts"),
        ["skip_take_include"] = Same(
            db => db.Blogs.OrderBy(b => b.Name).Skip(5).Take(10).Include(b => b.Posts), "Blogs, Posts, PostStats"),
        ["string_functions_with_sql_in_literal"] = Same(
            db => db.Blogs.Where(b => b.Name.Contains("FROM Posts") || b.Name.StartsWith("x") || b.Name.ToUpper().Substring(1, 2) == "AB"),
            "Blogs"),
        ["date_parts"] = Same(db => db.Blogs.Where(b => b.Created.Year == 2024 && b.Created.Month > 3), "Blogs"),
        ["tags"] = Same(db => db.Blogs.TagWith("first line\nsecond line").TagWith("other").Where(b => b.Id > 1), "Blogs"),
        ["from_sql_composed"] = Same(
            db => db.Blogs.FromSqlRaw("SELECT * FROM \"Blogs\" WHERE \"Rating\" > 2").Where(b => b.Name != "x"), "Blogs"),
        ["tph"] = Same(db => db.Vehicles.OfType<AnalyzerCar>().Where(c => c.Doors > 2), "Vehicles"),
        ["tpt"] = Same(db => db.Shapes.Where(s => s.Color == "red"), "Shapes, Circles, Squares"),
        ["view"] = Same(db => db.BlogSummaries.Where(s => s.PostCount > 1), "BlogSummaries"),
        // SQLite has no schemas: EF drops "ops".
        ["schema_qualified_table"] = new(db => db.AuditEntries.Where(a => a.Action == "x"), "Audit", "ops.Audit"),
        ["json_collection_any"] = Same(db => db.Blogs.Where(b => b.Details!.Links.Any(l => l.Clicks > 5)), "Blogs"),
        ["json_and_owned_properties"] = Same(db => db.Blogs.Where(b => b.Details!.Theme == "dark" && b.Owner!.City == "x"), "Blogs"),
        ["union"] = Same(db => db.Blogs.Select(b => b.Name).Union(db.Tags.Select(t => t.Label)), "Blogs, Tags"),
        ["concat_except"] = Same(
            db => db.Blogs.Select(b => b.Name).Concat(db.Posts.Select(p => p.Title)).Except(db.Tags.Select(t => t.Label)),
            "Blogs, Posts, Tags"),
        ["left_join"] = Same(
            db => from b in db.Blogs
                  join p in db.Posts on b.Id equals p.BlogId into ps
                  from p in ps.DefaultIfEmpty()
                  select new { b.Name, p!.Title },
            "Blogs, Posts"),
        ["first_per_group"] = Same(db => db.Posts.GroupBy(p => p.BlogId).Select(g => g.OrderBy(p => p.Id).First()), "Posts, PostStats"),
        ["distinct_count_in_projection"] = Same(
            db => db.Blogs.Select(b => new { b.Name, N = b.Posts.Select(p => p.Title).Distinct().Count() }), "Blogs, Posts"),
        ["many_to_many_any"] = Same(db => db.Blogs.Where(b => b.Tags.Any(t => t.Label.StartsWith("x"))), "Blogs, BlogTag, Tags"),
        ["navigation_then_collection_count"] = Same(db => db.Posts.Select(p => p.Blog!.Tags.Count), "Posts, Blogs, BlogTag, Tags"),
        ["tpt_of_type"] = Same(db => db.Shapes.OfType<AnalyzerCircle>().Where(c => c.Radius > 1), "Shapes, Circles"),
        ["string_join_aggregate"] = Same(db => db.Blogs.Select(b => string.Join(",", b.Posts.Select(p => p.Title))), "Blogs, Posts"),
        ["select_many"] = Same(db => db.Blogs.SelectMany(b => b.Posts, (b, p) => new { b.Name, p.Title }), "Blogs, Posts"),
        ["view_join"] = Same(
            db => from s in db.BlogSummaries join b in db.Blogs on s.BlogId equals b.Id select new { s.PostCount, b.Name },
            "BlogSummaries, Blogs"),
        ["schema_table_join"] = new(
            db => from a in db.AuditEntries join b in db.Blogs on a.Action equals b.Name select new { a.At, b.Id },
            "Audit, Blogs", "ops.Audit, Blogs"),
        ["take_inside_nested_collection"] = Same(
            db => db.Blogs.Select(b => new { b.Name, Top = b.Posts.OrderBy(p => p.Id).Take(2).ToList() }), "Blogs, Posts, PostStats"),
    };

    public static TheoryData<string, string> QueryCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Queries.Keys)
        {
            data.Add("Sqlite", name);
            data.Add("PostgreSql", name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QueryCases))]
    public void Query_reads_exactly_the_tables_in_EF_sql(string provider, string name)
    {
        var postgres = provider == "PostgreSql";
        using var db = postgres ? AnalyzerContext.Postgres() : AnalyzerContext.Sqlite(":memory:");
        var query = Queries[name].Query(db);
        var sql = query.CreateDbCommand().CommandText;
        Assert.Contains(sql, query.ToQueryString());

        var analysis = SqlAnalyzer.Analyze(sql, postgres ? SqlDialect.PostgreSql : SqlDialect.Sqlite);

        SqlAssert.Tables(postgres ? Queries[name].PostgresReads : Queries[name].SqliteReads, analysis.ReadTables, sql);
        SqlAssert.Tables("", analysis.WrittenTables, sql);
        SqlAssert.Flags("", analysis);
        if (name == "tags")
        {
            Assert.Equal(["first line", "second line", "other"], analysis.Tags);
        }
        else
        {
            Assert.Empty(analysis.Tags);
        }
    }

    [Theory]
    [InlineData("Sqlite", "unqualified", "post_count", true)] // SQLite quotes user functions: "post_count"(...)
    [InlineData("PostgreSql", "unqualified", "post_count", false)] // PostgreSQL needs no quotes: post_count(...)
    [InlineData("Sqlite", "schema", "stats.score_of", true)]
    [InlineData("PostgreSql", "schema", "stats.score_of", true)]
    public void User_defined_functions_are_reported(string provider, string mapping, string function, bool unknownReads)
    {
        var postgres = provider == "PostgreSql";
        using var db = postgres ? AnalyzerContext.Postgres() : AnalyzerContext.Sqlite(":memory:");
        var query = mapping == "schema"
            ? db.Blogs.Where(b => AnalyzerContext.ScoreOf(b.Id) > 2)
            : db.Blogs.Where(b => AnalyzerContext.PostCount(b.Id) > 2);
        var sql = query.CreateDbCommand().CommandText;

        var analysis = SqlAssert.Analysis(sql, postgres ? SqlDialect.PostgreSql : SqlDialect.Sqlite, "Blogs", "", unknownReads ? "R" : "");
        SqlAssert.Tables(function, analysis.Functions, sql);
    }

    [Fact]
    public void Json_collection_projection_on_PostgreSQL_uses_rows_from_with_a_built_in_function()
    {
        using var db = AnalyzerContext.Postgres();
        var sql = db.Blogs.Select(b => b.Details!.Links.Where(l => l.Clicks > 5).Select(l => l.Url).ToList())
            .CreateDbCommand().CommandText;
        Assert.Contains("jsonb_to_recordset", sql);
        Assert.Contains("LATERAL", sql);

        SqlAssert.Analysis(sql, SqlDialect.PostgreSql, "Blogs", "", "");
    }

    [Fact]
    public void Split_query_follow_up_commands_captured_from_SQLite_read_the_included_tables()
    {
        using var database = new SqliteAnalyzerDatabase();
        using (var db = database.CreateContext())
        {
            db.Blogs.Add(new AnalyzerBlog { Name = "b", Posts = [new() { Title = "p" }], Tags = [new() { Label = "t" }] });
            db.SaveChanges();
        }

        database.Recorder.Commands.Clear();
        using (var db = database.CreateContext())
        {
            var blogs = db.Blogs.Include(b => b.Posts).Include(b => b.Tags).AsSplitQuery().ToList();
            Assert.Single(blogs);
        }

        var commands = database.Recorder.Commands;
        Assert.Equal(3, commands.Count);
        SqlAssert.Analysis(commands[0], SqlDialect.Sqlite, "Blogs", "", "");
        SqlAssert.Analysis(commands[1], SqlDialect.Sqlite, "Blogs, Posts, PostStats", "", "");
        SqlAssert.Analysis(commands[2], SqlDialect.Sqlite, "Blogs, BlogTag, Tags", "", "");
    }

    [Theory]
    [InlineData(
        """
        SELECT s."Id", s."BlogId", s."Content", s."Title", s."AnalyzerPostId", s."Likes", s."Views", b."Id"
        FROM "Blogs" AS b
        INNER JOIN (
            SELECT p."Id", p."BlogId", p."Content", p."Title", p0."AnalyzerPostId", p0."Likes", p0."Views"
            FROM "Posts" AS p
            LEFT JOIN "PostStats" AS p0 ON p."Id" = p0."AnalyzerPostId"
        ) AS s ON b."Id" = s."BlogId"
        ORDER BY b."Id"
        """,
        "Blogs, Posts, PostStats")]
    [InlineData(
        """
        SELECT s."BlogsId", s."TagsId", s."Id", s."Label", b."Id"
        FROM "Blogs" AS b
        INNER JOIN (
            SELECT b0."BlogsId", b0."TagsId", t."Id", t."Label"
            FROM "BlogTag" AS b0
            INNER JOIN "Tags" AS t ON b0."TagsId" = t."Id"
        ) AS s ON b."Id" = s."BlogsId"
        ORDER BY b."Id"
        """,
        "Blogs, BlogTag, Tags")]
    public void Split_query_follow_up_commands_hand_copied_from_PostgreSQL(string sql, string reads)
        => SqlAssert.Analysis(sql, SqlDialect.PostgreSql, reads, "", "");

    public static TheoryData<string, string, string> ScalarCases() => new()
    {
        { "count", "Blogs", "SELECT" },
        { "sum", "Posts", "SUM" },
        { "any", "Blogs", "EXISTS" },
    };

    private static void RunScalar(AnalyzerContext db, string name)
    {
        switch (name)
        {
            case "count":
                _ = db.Blogs.Count();
                break;
            case "sum":
                _ = db.Posts.Sum(p => p.Id);
                break;
            default:
                _ = db.Blogs.Any(b => b.Rating > 2);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void Scalar_queries_captured_from_SQLite(string name, string reads, string keyword)
    {
        var sql = SqliteAnalyzerDatabase.CaptureSingle(db => RunScalar(db, name));
        Assert.Contains(keyword, sql, StringComparison.OrdinalIgnoreCase);
        SqlAssert.Analysis(sql, SqlDialect.Sqlite, reads, "", "");
    }

    [Theory]
    [MemberData(nameof(ScalarCases))]
    public void Scalar_queries_captured_offline_from_PostgreSQL(string name, string reads, string keyword)
    {
        using var db = AnalyzerContext.Postgres(new OfflineCaptureInterceptor());
        var sql = OfflineCaptureInterceptor.Capture(() => RunScalar(db, name));
        Assert.Contains(keyword, sql, StringComparison.OrdinalIgnoreCase);
        SqlAssert.Analysis(sql, SqlDialect.PostgreSql, reads, "", "");
    }

    public static TheoryData<string, string, string> BulkCases() => new()
    {
        { "delete", "", "Blogs" },
        { "delete_via_navigation", "Posts, Blogs, PostStats", "Posts" },
        { "update", "", "Blogs" },
        { "update_with_navigation_filter", "Blogs", "Posts" },
        { "update_from_join", "Blogs", "Posts" },
    };

    private static void RunBulk(AnalyzerContext db, string name)
    {
        switch (name)
        {
            case "delete":
                db.Blogs.Where(b => b.Rating < 2).ExecuteDelete();
                break;
            case "delete_via_navigation":
                db.Posts.Where(p => p.Blog!.Rating < 2).ExecuteDelete();
                break;
            case "update":
                db.Blogs.ExecuteUpdate(s => s.SetProperty(b => b.Rating, b => b.Rating + 1));
                break;
            case "update_with_navigation_filter":
                db.Posts.Where(p => p.Blog!.Name == "x").ExecuteUpdate(s => s.SetProperty(p => p.Title, "t"));
                break;
            default:
                db.Posts.Join(db.Blogs, p => p.BlogId, b => b.Id, (p, b) => new { p, b })
                    .Where(x => x.b.Rating > 1)
                    .ExecuteUpdate(s => s.SetProperty(x => x.p.Title, x => x.b.Name));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(BulkCases))]
    public void ExecuteUpdate_and_ExecuteDelete_captured_from_SQLite(string name, string reads, string writes)
    {
        var sql = SqliteAnalyzerDatabase.CaptureSingle(db => RunBulk(db, name));
        SqlAssert.Analysis(sql, SqlDialect.Sqlite, reads, writes, "W");
    }

    [Theory]
    [MemberData(nameof(BulkCases))]
    public void ExecuteUpdate_and_ExecuteDelete_captured_offline_from_PostgreSQL(string name, string reads, string writes)
    {
        using var db = AnalyzerContext.Postgres(new OfflineCaptureInterceptor());
        var sql = OfflineCaptureInterceptor.Capture(() => RunBulk(db, name));
        SqlAssert.Analysis(sql, SqlDialect.PostgreSql, reads, writes, "W");
    }

    [Fact]
    public void SaveChanges_commands_captured_from_SQLite_write_every_mapped_table()
    {
        using var database = new SqliteAnalyzerDatabase();
        database.Recorder.Commands.Clear();
        using (var db = database.CreateContext())
        {
            db.Blogs.Add(new AnalyzerBlog
            {
                Name = "b",
                Owner = new() { Name = "o" },
                Details = new() { Links = [new() { Url = "u" }] },
                Posts = [new() { Title = "p", Stats = new() { Views = 1 } }, new() { Title = "q" }],
                Tags = [new() { Label = "t" }]
            });
            db.Vehicles.Add(new AnalyzerCar { Make = "m", Doors = 3 });
            db.Shapes.Add(new AnalyzerCircle { Color = "c", Radius = 1 });
            db.AuditEntries.Add(new() { Action = "a" });
            db.SaveChanges();
        }

        AssertAllWrites(database.Recorder.Commands, "Audit, Blogs, Posts, PostStats, Tags, BlogTag, Vehicles, Shapes, Circles");
        Assert.Contains(database.Recorder.Commands, c => c.Contains("RETURNING", StringComparison.Ordinal));

        using (var db = database.CreateContext())
        {
            var blog = db.Blogs.Include(b => b.Posts).Include(b => b.Tags).Single();
            blog.Name = "renamed";
            db.Posts.Remove(blog.Posts.Single(p => p.Title == "p"));
            blog.Tags.Clear();
            db.Shapes.Remove(db.Shapes.Single());
            database.Recorder.Commands.Clear();
            db.SaveChanges();
        }

        AssertAllWrites(database.Recorder.Commands, "Blogs, Posts, PostStats, BlogTag, Shapes, Circles");
    }

    private static void AssertAllWrites(List<string> commands, string expectedWrites)
    {
        Assert.NotEmpty(commands);
        var written = new List<SqlTableReference>();
        foreach (var command in commands)
        {
            var analysis = SqlAnalyzer.Analyze(command, SqlDialect.Sqlite);
            SqlAssert.Flags("W", analysis);
            SqlAssert.Tables("", analysis.ReadTables, command);
            Assert.NotEmpty(analysis.WrittenTables);
            written.AddRange(analysis.WrittenTables.Where(t => !written.Contains(t)));
        }

        SqlAssert.Tables(expectedWrites, written, "writes of all commands");
    }

    [Fact]
    public void SaveChanges_batch_captured_offline_from_PostgreSQL()
    {
        using var db = AnalyzerContext.Postgres(new OfflineCaptureInterceptor());
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.Blogs.Add(new AnalyzerBlog
        {
            Id = 100,
            Name = "b",
            Posts = [new() { Id = 100, Title = "p", Stats = new() { Views = 1 } }],
            Tags = [new() { Id = 100, Label = "t" }]
        });

        var sql = OfflineCaptureInterceptor.Capture(() => db.SaveChanges());

        Assert.Equal(5, sql.Split("INSERT INTO", StringSplitOptions.None).Length - 1);
        SqlAssert.Analysis(sql, SqlDialect.PostgreSql, "", "Blogs, Tags, BlogTag, Posts, PostStats", "W");
    }

    [Fact]
    public void SaveChanges_insert_returning_captured_offline_from_PostgreSQL()
    {
        using var db = AnalyzerContext.Postgres(new OfflineCaptureInterceptor());
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.Blogs.Add(new AnalyzerBlog { Name = "b" });

        var sql = OfflineCaptureInterceptor.Capture(() => db.SaveChanges());

        Assert.Contains("RETURNING", sql);
        SqlAssert.Analysis(sql, SqlDialect.PostgreSql, "", "Blogs", "W");
    }

    private static QueryCase Same(Func<AnalyzerContext, IQueryable> query, string reads) => new(query, reads, reads);
}
