using EfReadCache.Internal.Sql;

namespace EfReadCache.Tests.Sql;

// Hand-written SQL for the traps: quoting, comments and literals that mention tables, CTEs, aliases, locking reads,
// several statements, DDL, procedures, functions in FROM, FROM inside function calls. Flags: W = IsWrite,
// U = WritesUnknownTables, R = HasUnknownReadSources, S = IsSchemaChange.
public sealed class HandWrittenSqlTests
{
    private const SqlDialect Pg = SqlDialect.PostgreSql;
    private const SqlDialect Lite = SqlDialect.Sqlite;
    private const SqlDialect Ms = SqlDialect.SqlServer;
    private const SqlDialect My = SqlDialect.MySql;
    private const SqlDialect Any = SqlDialect.Generic;

    public static TheoryData<string, SqlDialect, string, string, string, string> Cases() => new()
    {
        // Quoting
        { "pg_double_quotes_with_escape", Pg, "SELECT * FROM \"My Schema\".\"My \"\"Table\"\"\" AS t", "My Schema.My \"Table\"", "", "" },
        { "sqlserver_brackets_with_escape", Ms, "SELECT [b].[Id] FROM [dbo].[Blogs] AS [b] INNER JOIN [dbo].[Po]]sts] AS [p] ON [p].[BlogId] = [b].[Id]", "dbo.Blogs, dbo.Po]sts", "", "" },
        { "mysql_backticks_with_escape", My, "SELECT * FROM `shop`.`order items` o JOIN `x``y` ON 1 = 1", "shop.order items, x`y", "", "" },
        { "sqlite_all_three_quote_styles", Lite, "SELECT * FROM [Blogs] JOIN `Posts` ON 1 JOIN \"Tags\" ON 1 JOIN plain ON 1", "Blogs, Posts, Tags, plain", "", "" },
        { "three_part_and_default_schema_names", Ms, "SELECT * FROM Shop.dbo.Orders o, Shop..Items i", "dbo.Orders, Items", "", "" },
        { "unquoted_schema_name", Pg, "SELECT * FROM public.blogs b WHERE b.id = 1", "public.blogs", "", "" },
        { "pg_brackets_are_array_subscripts", Pg, "SELECT ARRAY['a]', 'b'] AS x, t.arr[1], t.arr[1:2] FROM t WHERE t.tags[1] = 'x'", "t", "", "" },
        { "unicode_escape_identifier", Pg, """SELECT * FROM U&"d\0061t\+000061" AS d""", "data", "", "" },

        // Comments and literals that mention tables
        { "strings_and_comments_hide_names", Pg, "SELECT 'FROM secret' AS x FROM t -- JOIN hidden\n/* FROM hidden2 */ WHERE y = 'it''s FROM z'", "t", "", "" },
        { "pg_nested_block_comment", Pg, "SELECT 1 /* outer /* inner */ FROM hidden */ FROM t", "t", "", "" },
        { "sqlite_block_comments_do_not_nest", Lite, "SELECT 1 /* a /* b */ FROM t", "t", "", "" },
        { "pg_dollar_quotes", Pg, "SELECT $$FROM hidden$$, $tag$ it's $$ FROM hidden2 $tag$ FROM t WHERE x = $1", "t", "", "" },
        { "pg_escape_string", Pg, @"SELECT E'it\'s FROM hidden' FROM t", "t", "", "" },
        { "mysql_backslash_escape_and_hash_comment", My, "SELECT 'it\\'s FROM hidden' FROM t # FROM hidden2\n", "t", "", "" },
        { "mysql_executable_comment_is_sql", My, "/*!40000 ALTER TABLE `t` DISABLE KEYS */", "", "t", "WS" },
        { "national_string", Ms, "SELECT N'FROM hidden' FROM t", "t", "", "" },
        { "parameters_are_not_names", Any, "SELECT * FROM t WHERE a = @p0 AND b = :p AND c = ? AND d = $1 AND e = @@ROWCOUNT", "t", "", "" },
        { "pg_casts_are_not_parameters", Pg, "SELECT a::text FROM t WHERE b = :name", "t", "", "" },

        // Aliases and subqueries
        { "aliases_are_not_tables", Any, "SELECT * FROM Blogs b JOIN (SELECT * FROM Posts) AS p ON p.BlogId = b.Id", "Blogs, Posts", "", "" },
        { "subqueries_everywhere", Pg, "SELECT (SELECT max(x) FROM b) FROM a WHERE EXISTS (SELECT 1 FROM c) AND x IN (SELECT x FROM d) AND y = ANY (SELECT y FROM e) AND z = ANY (ARRAY(SELECT z FROM f))", "a, b, c, d, e, f", "", "" },
        { "lateral_subquery", Pg, "SELECT * FROM a CROSS JOIN LATERAL (SELECT * FROM b WHERE b.a = a.id LIMIT 1) s", "a, b", "", "" },
        { "parenthesized_joins_and_comma_list", Any, "SELECT * FROM (a JOIN b ON a.id = b.id) JOIN (c) ON true, d, (SELECT 1 FROM e) AS x", "a, b, c, d, e", "", "" },
        { "all_join_kinds", Any, "SELECT * FROM t1 NATURAL JOIN t2 LEFT OUTER JOIN t3 USING (id) RIGHT JOIN t4 ON 1 = 1 FULL JOIN t5 ON 1 = 1 CROSS JOIN t6 INNER JOIN t7 ON 1 = 1", "t1, t2, t3, t4, t5, t6, t7", "", "" },
        { "set_operations", Any, "SELECT a FROM t UNION ALL (SELECT a FROM u) EXCEPT SELECT a FROM v", "t, u, v", "", "" },
        { "only_and_descendants", Pg, "SELECT * FROM ONLY parent p JOIN child * ON true", "parent, child", "", "" },
        { "values_and_table_statements", Pg, "VALUES (1), (2); TABLE t; SELECT * FROM (VALUES (1)) AS v(x)", "t", "", "" },
        { "window_and_distinct_on", Pg, "SELECT DISTINCT ON (a) a, row_number() OVER (PARTITION BY a ORDER BY b) FROM t", "t", "", "" },
        { "tsql_top_offset_fetch", Ms, "SELECT TOP (1) * FROM t ORDER BY x OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY", "t", "", "" },

        // FROM that is not a table clause
        { "is_distinct_from", Pg, "SELECT * FROM a WHERE a.x IS DISTINCT FROM b AND a.y IS NOT DISTINCT FROM c", "a", "", "" },
        { "from_inside_function_calls", Pg, "SELECT EXTRACT(YEAR FROM created), SUBSTRING(name FROM 2 FOR 3), TRIM(BOTH ' ' FROM name), OVERLAY(name PLACING 'x' FROM 2), POSITION('a' IN name) FROM t", "t", "", "" },
        { "subquery_inside_extract", Pg, "SELECT EXTRACT(YEAR FROM (SELECT min(d) FROM c)) FROM a", "a, c", "", "" },

        // CTEs
        { "recursive_and_materialized_ctes", Pg, "WITH RECURSIVE tree (id, parent) AS (SELECT id, parent FROM nodes UNION ALL SELECT n.id, n.parent FROM nodes n JOIN tree ON n.parent = tree.id), other AS MATERIALIZED (SELECT * FROM extra) SELECT * FROM tree, other", "nodes, extra", "", "" },
        { "cte_named_like_a_keyword", Pg, "WITH comment AS (SELECT * FROM notes) SELECT * FROM comment", "notes", "", "" },
        { "cte_body_reads_the_table_it_shadows", Pg, "WITH blogs AS (SELECT * FROM blogs WHERE rating > 3) SELECT * FROM blogs", "blogs", "", "" },
        { "quoted_table_is_not_an_unquoted_cte", Pg, "WITH blogs AS (SELECT 1) SELECT * FROM \"Blogs\", blogs", "Blogs", "", "" },
        { "unquoted_names_match_a_cte_in_any_case", Pg, "WITH blogs AS (SELECT 1) SELECT * FROM BLOGS", "", "", "" },
        { "cte_visible_in_later_ctes_not_outside_its_subquery", Pg, "WITH a AS (SELECT * FROM t), b AS (SELECT * FROM a) SELECT * FROM b, (WITH c AS (SELECT 1) SELECT * FROM c) x, c", "t, c", "", "" },
        { "nested_cte_in_cte_body", Pg, "WITH a AS (WITH b AS (SELECT * FROM t) SELECT * FROM b) SELECT * FROM a, b", "t, b", "", "" },
        { "recursive_cte_sees_itself", Pg, "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r", "", "", "" },
        { "subquery_alias_is_not_the_pg_delete_target", Pg, "DELETE FROM b WHERE id IN (SELECT id FROM a AS b)", "a", "b", "W" },
        { "tsql_subquery_alias_is_not_the_delete_target", Ms, "DELETE FROM b WHERE id IN (SELECT id FROM a AS b)", "a", "b", "W" },
        { "not_materialized_cte", Pg, "WITH x AS NOT MATERIALIZED (SELECT 1) SELECT * FROM x", "", "", "" },
        { "data_modifying_cte", Pg, "WITH moved AS (DELETE FROM inbox WHERE done RETURNING *) INSERT INTO archive SELECT * FROM moved", "", "inbox, archive", "W" },
        { "with_ordinality_is_not_a_cte", Pg, "SELECT * FROM unnest(ARRAY[1, 2]) WITH ORDINALITY AS u(v, n) JOIN t ON t.id = u.v", "t", "", "" },
        { "tsql_update_through_cte", Ms, "WITH x AS (SELECT * FROM t) UPDATE x SET y = 1", "t", "", "WU" },

        // Locking reads
        { "for_update_of_skip_locked", Pg, "SELECT * FROM jobs WHERE state = 'new' ORDER BY id FOR NO KEY UPDATE OF jobs SKIP LOCKED", "jobs", "", "" },
        { "for_share", Pg, "SELECT * FROM a FOR SHARE", "a", "", "" },

        // DML
        { "several_statements", Pg, "UPDATE a SET x = 1; DELETE FROM b WHERE id IN (SELECT id FROM c); SELECT * FROM d", "c, d", "a, b", "W" },
        { "pg_update_from_subquery", Pg, "UPDATE \"Blogs\" AS b SET \"Name\" = s.n FROM (SELECT p.\"BlogId\", max(p.\"Title\") AS n FROM \"Posts\" AS p GROUP BY p.\"BlogId\") AS s WHERE b.\"Id\" = s.\"BlogId\"", "Posts", "Blogs", "W" },
        { "pg_delete_using", Pg, "DELETE FROM orders o USING customers c, regions r WHERE o.cid = c.id AND c.rid = r.id", "customers, regions", "orders", "W" },
        { "merge", Any, "MERGE INTO target t USING (SELECT * FROM staging) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)", "staging", "target", "W" },
        { "pg_upsert_returning", Pg, "INSERT INTO a (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET n = a.n + 1 RETURNING id", "", "a", "W" },
        { "mysql_on_duplicate_key_update", My, "INSERT INTO a (id) VALUES (1) ON DUPLICATE KEY UPDATE n = n + 1", "", "a", "W" },
        { "sqlite_insert_or_replace_and_replace", Lite, "INSERT OR REPLACE INTO a VALUES (1); REPLACE INTO b VALUES (1); INSERT OR IGNORE INTO c DEFAULT VALUES; UPDATE OR ROLLBACK d SET x = 1", "", "a, b, c, d", "W" },
        { "replace_function_is_not_a_write", Lite, "SELECT replace(name, 'a', 'b') FROM t", "t", "", "" },
        { "upsert_statement", Any, "UPSERT INTO a (id) VALUES (1)", "", "a", "W" },
        { "insert_select", Any, "INSERT INTO a (x) SELECT x FROM b JOIN c ON b.id = c.id", "b, c", "a", "W" },
        { "copy_from_writes", Pg, "COPY t (a, b) FROM STDIN WITH (FORMAT binary)", "", "t", "W" },
        { "copy_to_reads", Pg, "COPY (SELECT * FROM t) TO STDOUT; COPY u TO STDOUT", "t, u", "", "" },
        { "select_into_creates_a_table", Pg, "SELECT * INTO new_t FROM old_t", "old_t", "new_t", "WS" },
        { "select_into_unlogged_table", Pg, "SELECT * INTO UNLOGGED TABLE copy FROM t", "t", "copy", "WS" },
        { "mysql_select_into_variable_is_a_read", My, "SELECT count(*) INTO @n FROM t", "t", "", "" },
        { "tsql_output_into", Ms, "DELETE FROM a OUTPUT deleted.id INTO log (id) WHERE x = 1", "", "a, log", "W" },
        { "tsql_ef_merge_batch", Ms, "SET IMPLICIT_TRANSACTIONS OFF;\nSET NOCOUNT ON;\nMERGE [Blogs] USING (\nVALUES (@p0, 0),\n(@p1, 1)) AS i ([Name], _Position) ON 1=0\nWHEN NOT MATCHED THEN\nINSERT ([Name])\nVALUES (i.[Name])\nOUTPUT INSERTED.[Id], i._Position;", "", "Blogs", "W" },
        { "tsql_ef_execute_delete", Ms, "DELETE FROM [b]\nFROM [Blogs] AS [b]\nWHERE [b].[Rating] < 3", "Blogs", "Blogs", "W" },
        { "tsql_ef_execute_update", Ms, "UPDATE [p]\nSET [p].[Title] = [b].[Name]\nFROM [Posts] AS [p]\nINNER JOIN [Blogs] AS [b] ON [p].[BlogId] = [b].[Id]", "Posts, Blogs", "Posts", "W" },
        { "tsql_update_of_derived_table", Ms, "UPDATE b SET x = 1 FROM (SELECT * FROM t) AS b", "t", "", "WU" },
        { "tsql_temp_table_and_table_variable", Ms, "SELECT * FROM #tmp JOIN @t v ON 1 = 1", "#tmp", "", "R" },
        { "tsql_table_hints", Ms, "SELECT * FROM t (NOLOCK) JOIN u WITH (NOLOCK) ON 1 = 1", "t, u", "", "" },
        { "mysql_multi_table_delete", My, "DELETE a FROM Blogs a JOIN Posts p ON p.BlogId = a.Id", "Blogs, Posts", "Blogs", "W" },
        { "mysql_multi_table_update_is_conservative", My, "UPDATE Blogs b JOIN Posts p ON p.BlogId = b.Id SET p.x = 1", "", "Blogs, Posts", "W" },

        // DDL
        { "create_table_with_cascading_fk", Pg, "CREATE TABLE IF NOT EXISTS \"Orders\" (id int PRIMARY KEY, blog_id int REFERENCES \"Blogs\" (id) ON DELETE CASCADE ON UPDATE CASCADE)", "", "Orders", "WS" },
        { "alter_table_add_cascading_fk", Pg, "ALTER TABLE \"Posts\" ADD CONSTRAINT fk FOREIGN KEY (\"BlogId\") REFERENCES \"Blogs\" (\"Id\") ON DELETE CASCADE", "", "Posts", "WS" },
        { "drop_tables_cascade", Pg, "DROP TABLE IF EXISTS a, b CASCADE", "", "a, b", "WUS" },
        { "drop_view", Any, "DROP VIEW v", "", "v", "WS" },
        { "create_index_on_table", Pg, "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix ON ONLY public.t USING btree (c)", "", "public.t", "WS" },
        { "ef_create_index", Pg, "CREATE UNIQUE INDEX \"IX_Posts_BlogId\" ON \"Posts\" (\"BlogId\");", "", "Posts", "WS" },
        { "drop_index", Pg, "DROP INDEX ix", "", "", "WS" },
        { "tsql_drop_index_on", Ms, "DROP INDEX ix ON dbo.t", "", "dbo.t", "WS" },
        { "create_view_reads_its_query", Pg, "CREATE OR REPLACE VIEW summary AS SELECT b.id, count(*) FROM blogs b JOIN posts p ON p.blog_id = b.id GROUP BY b.id", "blogs, posts", "summary", "WS" },
        { "create_table_as", Pg, "CREATE TEMP TABLE x AS SELECT * FROM y", "y", "x", "WS" },
        { "alter_table_rename", Pg, "ALTER TABLE t RENAME TO u", "", "t, u", "WS" },
        { "alter_table_rename_column", Pg, "ALTER TABLE t RENAME COLUMN a TO b", "", "t", "WS" },
        { "alter_table_drop_column_cascade", Pg, "ALTER TABLE t DROP COLUMN c CASCADE", "", "t", "WUS" },
        { "mysql_rename_tables", My, "RENAME TABLE a TO b, c TO d", "", "a, b, c, d", "WS" },
        { "truncate_list", Pg, "TRUNCATE TABLE ONLY a, b RESTART IDENTITY", "", "a, b", "W" },
        { "truncate_cascade", Pg, "TRUNCATE a CASCADE", "", "a", "WU" },
        { "create_function", Pg, "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 FROM t $$ LANGUAGE sql", "", "", "WUS" },
        { "create_trigger", Pg, "CREATE TRIGGER trg AFTER INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()", "", "", "WUS" },
        { "create_sequence", Pg, "CREATE SEQUENCE s START 1", "", "", "WS" },
        { "comment_on", Pg, "COMMENT ON TABLE t IS 'FROM x'", "", "", "WS" },
        { "refresh_materialized_view", Pg, "REFRESH MATERIALIZED VIEW CONCURRENTLY mv", "", "mv", "W" },
        { "grant", Pg, "GRANT SELECT, UPDATE ON t TO bob", "", "", "WUS" },

        // Procedures and unknown statements
        { "call", Pg, "CALL do_things(1)", "", "", "WU" },
        { "do_block", Pg, "DO $$ BEGIN DELETE FROM t; END $$", "", "", "WU" },
        { "tsql_exec", Ms, "EXEC sp_rename 'a', 'b'", "", "", "WU" },
        { "tsql_insert_exec", Ms, "INSERT INTO t EXEC p", "", "t", "WU" },
        { "tsql_statements_without_semicolons", Ms, "IF OBJECT_ID('t') IS NOT NULL DROP TABLE t", "", "t", "WS" },
        { "tsql_if_exists_then_update", Ms, "IF EXISTS (SELECT 1 FROM a) UPDATE b SET x = 1 ELSE INSERT INTO c VALUES (1)", "a", "b, c", "W" },
        { "tsql_set_on_then_insert_without_semicolons", Ms, "SET IDENTITY_INSERT t ON INSERT INTO t (Id) VALUES (1) SET IDENTITY_INSERT t OFF", "", "t", "W" },
        { "pg_policy_for_update_is_ddl", Pg, "CREATE POLICY p ON t FOR UPDATE USING (owner = current_user)", "", "", "WUS" },
        { "mysql_execute", My, "EXECUTE stmt", "", "", "WU" },
        { "sqlite_attach", Lite, "ATTACH DATABASE 'other.db' AS other", "", "", "WU" },
        { "unknown_statement", Any, "FOO BAR baz", "", "", "WU" },
        { "unterminated_string_is_unknown", Any, "SELECT * FROM t WHERE x = 'unterminated", "t", "", "WUR" },

        // Functions in FROM
        { "user_function_in_from", Pg, "SELECT * FROM my_function(1) AS f JOIN t ON true", "t", "", "R" },
        { "schema_qualified_function_in_from", Pg, "SELECT * FROM public.unnest(@x) AS u", "", "", "R" },
        { "built_in_set_returning_functions", Pg, "SELECT * FROM t, LATERAL generate_series(1, t.n) AS g(i), jsonb_array_elements(t.j) e", "t", "", "" },
        { "rows_from_built_ins", Pg, "SELECT * FROM ROWS FROM (unnest(@a), generate_series(1, 2)) WITH ORDINALITY AS x(a, b, n)", "", "", "" },
        { "rows_from_user_function", Pg, "SELECT * FROM ROWS FROM (unnest(@a), my_func(1)) AS x", "", "", "R" },
        { "subquery_in_function_arguments", Pg, "SELECT * FROM unnest((SELECT array_agg(id) FROM t)) AS u", "t", "", "" },
        { "sqlite_json_each", Lite, "SELECT * FROM json_each(@p) AS j", "", "", "" },
        { "tsql_openjson", Ms, "SELECT * FROM OPENJSON(@json) WITH ([Value] int '$') AS j", "", "", "" },
        { "tsql_cross_apply_function", Ms, "SELECT * FROM dbo.Items i CROSS APPLY dbo.fn_split(i.x) s", "dbo.Items", "", "R" },

        // Functions outside FROM: quoted or schema-qualified calls are user functions
        { "quoted_function_call", Pg, "SELECT \"MyFunc\"(id) FROM t", "t", "", "R" },
        { "tsql_scalar_udf", Ms, "SELECT [dbo].[fn_total]([b].[Id]) FROM [Blogs] AS [b]", "Blogs", "", "R" },
        { "built_in_calls", Pg, "SELECT pg_catalog.now(), upper(x), count(*), CAST(y AS numeric(10, 2)) FROM t WHERE a IN (1) AND (b = 1) AND c = ANY (ARRAY[1])", "t", "", "" },
        { "functions_in_ddl_are_not_reads", Pg, "CREATE TABLE t (id uuid DEFAULT public.gen_random_uuid(), b int REFERENCES \"Blogs\" (\"Id\"))", "", "t", "WS" },

        // Statements that change no data
        { "sqlite_pragma_assignment", Lite, "PRAGMA foreign_keys = ON", "", "", "R" },
        { "sqlite_pragma_read", Lite, "PRAGMA table_info(\"Blogs\")", "", "", "R" },
        { "transaction_and_session_control", Pg, "BEGIN; SAVEPOINT s; RELEASE SAVEPOINT s; ROLLBACK TO SAVEPOINT s; COMMIT; SET search_path TO public; LISTEN c; NOTIFY c, 'x'; VACUUM; ANALYZE t; LOCK TABLE t IN SHARE MODE", "", "", "" },
        { "show", Pg, "SHOW search_path", "", "", "R" },
        { "cursor", Pg, "DECLARE c CURSOR FOR SELECT * FROM t; FETCH NEXT FROM c; CLOSE c", "t, c", "", "R" },
        { "explain_only_plans", Pg, "EXPLAIN (FORMAT JSON) DELETE FROM t WHERE id IN (SELECT id FROM u)", "u", "", "R" },
        { "explain_analyze_runs", Pg, "EXPLAIN ANALYZE DELETE FROM t", "", "t", "WR" },
        { "explain_analyze_option_runs", Pg, "EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET x = 1", "", "t", "WR" },
        { "tsql_declare_and_set", Ms, "DECLARE @x int; SET @x = (SELECT count(*) FROM t); SELECT @x", "t", "", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyzes(string name, SqlDialect dialect, string sql, string reads, string writes, string flags)
    {
        Assert.NotEmpty(name);
        SqlAssert.Analysis(sql, dialect, reads, writes, flags);
    }

    [Fact]
    public void Tags_are_the_leading_line_comments_only()
    {
        var analysis = SqlAnalyzer.Analyze("-- Cacheable\n--no space\n-- \n/* block */\n-- after block\r\nSELECT 1 -- trailing\n-- later", SqlDialect.Sqlite);
        Assert.Equal(["Cacheable", "no space", "", "after block"], analysis.Tags);
    }

    [Fact]
    public void A_byte_order_mark_is_whitespace()
    {
        var analysis = SqlAssert.Analysis("\uFEFF-- tag\nSELECT * FROM t", SqlDialect.Generic, "t", "", "");
        Assert.Equal(["tag"], analysis.Tags);
    }

    [Fact]
    public void No_tags_without_leading_comments()
        => Assert.Empty(SqlAnalyzer.Analyze("SELECT 1 -- trailing", SqlDialect.PostgreSql).Tags);

    [Fact]
    public void Schema_and_name_keep_their_original_case()
    {
        var analysis = SqlAnalyzer.Analyze("SELECT * FROM Ops.\"AuditLog\" JOIN blogs ON true", SqlDialect.PostgreSql);
        Assert.Equal([new SqlTableReference("Ops", "AuditLog"), new SqlTableReference(null, "blogs")], analysis.ReadTables);
    }

    [Fact]
    public void Functions_lists_every_call_outside_ddl()
    {
        var analysis = SqlAnalyzer.Analyze(
            "SELECT pg_catalog.now(), upper(x), count(*), \"MyFunc\"(1), CAST(y AS numeric(10, 2)) FROM t, unnest(@a) u WHERE a IN (1) AND (b = 1) AND c = ANY (ARRAY[1]) AND EXISTS (SELECT upper(z))",
            SqlDialect.PostgreSql);
        Assert.Equal(
            [
                new SqlTableReference("pg_catalog", "now"), new SqlTableReference(null, "upper"), new SqlTableReference(null, "count"),
                new SqlTableReference(null, "MyFunc"), new SqlTableReference(null, "unnest")
            ],
            analysis.Functions);
    }

    [Fact]
    public void Duplicates_are_reported_once()
    {
        var analysis = SqlAnalyzer.Analyze("SELECT * FROM a JOIN a AS a2 ON true WHERE EXISTS (SELECT 1 FROM a)", SqlDialect.Generic);
        Assert.Equal([new SqlTableReference(null, "a")], analysis.ReadTables);
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Sqlite", SqlDialect.Sqlite)]
    [InlineData("Npgsql.EntityFrameworkCore.PostgreSQL", SqlDialect.PostgreSql)]
    [InlineData("Microsoft.EntityFrameworkCore.SqlServer", SqlDialect.SqlServer)]
    [InlineData("Pomelo.EntityFrameworkCore.MySql", SqlDialect.MySql)]
    [InlineData("MySql.EntityFrameworkCore", SqlDialect.MySql)]
    [InlineData("Microsoft.EntityFrameworkCore.InMemory", SqlDialect.Generic)]
    [InlineData(null, SqlDialect.Generic)]
    public void Dialect_from_provider_name(string? provider, SqlDialect expected)
        => Assert.Equal(expected, SqlDialects.FromProviderName(provider));
}
