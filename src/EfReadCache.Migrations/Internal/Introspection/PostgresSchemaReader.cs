using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Diff;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Introspection;

/// <summary>
///     Introspects one PostgreSQL schema through the catalogs, letting the server render types (<c>format_type</c>),
///     defaults, computed columns and index filters (<c>pg_get_expr</c>).
/// </summary>
internal sealed class PostgresSchemaReader : ISchemaReader
{
    public static readonly PostgresSchemaReader Instance = new();

    private const string TablesSql = """
        SELECT c.oid::bigint, c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @s AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname
        """;

    private const string ColumnsSql = """
        SELECT a.attrelid::bigint, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = @s AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """;

    private const string ConstraintsSql = """
        SELECT con.conrelid::bigint, con.conname, con.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
               pc.relname,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
               con.confupdtype::text, con.confdeltype::text, pg_get_constraintdef(con.oid)
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class pc ON pc.oid = con.confrelid
        WHERE n.nspname = @s AND con.contype IN ('p', 'f', 'c', 'u', 'x')
        ORDER BY con.conrelid, con.conname
        """;

    private const string IndexesSql = """
        SELECT i.indrelid::bigint, ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid),
               ARRAY(SELECT CASE WHEN k.num = 0 THEN NULL ELSE a.attname::text END
                     FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                     WHERE k.ord <= i.indnkeyatts ORDER BY k.ord),
               pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = ic.relnamespace
        WHERE n.nspname = @s AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid)
        ORDER BY ic.relname
        """;

    private const string UnmanagedSql = """
        SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized view' END, c.relname, NULL
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @s AND c.relkind IN ('v', 'm')
        UNION ALL
        SELECT 'trigger', t.tgname, c.relname
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @s AND NOT t.tgisinternal
        UNION ALL
        SELECT CASE con.contype WHEN 'c' THEN 'check' ELSE 'exclusion constraint' END, con.conname, c.relname
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @s AND con.contype IN ('c', 'x')
        ORDER BY 1, 2
        """;

    public async Task<DatabaseSnapshot> ReadAsync(MigrationSession session, string? schema, CancellationToken cancellationToken)
    {
        schema ??= (string)(await session.QueryAsync("SELECT current_schema()", cancellationToken).ConfigureAwait(false))[0][0]!;
        var parameter = ("@s", (object?)schema);
        var tableRows = await session.QueryAsync(TablesSql, cancellationToken, parameter).ConfigureAwait(false);
        var columnRows = await session.QueryAsync(ColumnsSql, cancellationToken, parameter).ConfigureAwait(false);
        var constraintRows = await session.QueryAsync(ConstraintsSql, cancellationToken, parameter).ConfigureAwait(false);
        var indexRows = await session.QueryAsync(IndexesSql, cancellationToken, parameter).ConfigureAwait(false);
        var unmanagedRows = await session.QueryAsync(UnmanagedSql, cancellationToken, parameter).ConfigureAwait(false);

        var tables = new List<TableSnapshot>();
        foreach (var tableRow in tableRows)
        {
            var oid = Convert.ToInt64(tableRow[0]);
            var name = (string)tableRow[1]!;
            if (SchemaReaderFilters.IsIgnoredTable(name))
            {
                continue;
            }

            var constraints = constraintRows.Where(r => Convert.ToInt64(r[0]) == oid).ToList();
            var primaryKey = constraints.FirstOrDefault(r => (string)r[2]! == "p");
            tables.Add(new TableSnapshot
            {
                Name = name,
                Columns = columnRows.Where(r => Convert.ToInt64(r[0]) == oid).Select(ReadColumn).ToList(),
                PrimaryKeyName = primaryKey?[1] as string,
                PrimaryKey = primaryKey is null ? [] : (string[])primaryKey[3]!,
                ForeignKeys = constraints.Where(r => (string)r[2]! == "f").Select(r => new ForeignKeySnapshot
                {
                    Name = (string)r[1]!,
                    Columns = (string[])r[3]!,
                    PrincipalTable = (string)r[4]!,
                    PrincipalColumns = (string[])r[5]!,
                    OnUpdate = ForeignKeyActions.FromPostgres(r[6] as string),
                    OnDelete = ForeignKeyActions.FromPostgres(r[7] as string),
                }).ToList(),
                CheckConstraints = constraints.Where(r => (string)r[2]! == "c").Select(r => ((string)r[1]!, (string)r[8]!)).ToList(),
                Indexes = indexRows.Where(r => Convert.ToInt64(r[0]) == oid).Select(r => new IndexSnapshot
                {
                    Name = (string)r[1]!,
                    IsUnique = (bool)r[2]!,
                    Filter = r[3] as string,
                    Columns = ((string?[])r[4]!).ToList(),
                    CreateSql = Unqualify(r[5] as string, schema),
                }).Concat(constraints.Where(r => (string)r[2]! == "u").Select(r => new IndexSnapshot
                {
                    Name = (string)r[1]!,
                    IsUnique = true,
                    IsConstraint = true,
                    Columns = ((string[])r[3]!).ToList(),
                })).ToList(),
            });
        }

        var unmanaged = unmanagedRows.Select(r => new UnmanagedObject((string)r[0]!, (string)r[1]!, r[2] as string)).ToList();
        var exists = await session.ScalarLongAsync("SELECT count(*) FROM pg_namespace WHERE nspname = @s", cancellationToken, parameter)
            .ConfigureAwait(false) > 0;
        return new DatabaseSnapshot(schema, tables, unmanaged) { SchemaExists = exists };
    }

    /// <summary>
    ///     <c>pg_get_indexdef</c> without the schema before the table name, so the definition read in the scratch schema
    ///     (method, sort order, operator classes, INCLUDE, filter: exactly what EF generated) runs on the live schema.
    /// </summary>
    private static string? Unqualify(string? indexDefinition, string schema)
    {
        if (indexDefinition is null)
        {
            return null;
        }

        foreach (var qualifier in new[] { " ON " + schema + ".", " ON " + Sql.Quote(schema) + ".", " ON ONLY " + schema + ".", " ON ONLY " + Sql.Quote(schema) + "." })
        {
            var at = indexDefinition.IndexOf(qualifier, StringComparison.Ordinal);
            if (at >= 0)
            {
                var keep = qualifier.StartsWith(" ON ONLY", StringComparison.Ordinal) ? " ON ONLY " : " ON ";
                return indexDefinition[..at] + keep + indexDefinition[(at + qualifier.Length)..];
            }
        }

        return indexDefinition;
    }

    private static ColumnSnapshot ReadColumn(object?[] row)
    {
        var storeType = (string)row[2]!;
        var (_, arguments) = StoreTypes.Parse(storeType);
        var generated = row[6] as string;
        var isGenerated = generated is "s" or "v";
        var identity = row[5] as string;
        return new ColumnSnapshot
        {
            Name = (string)row[1]!,
            StoreType = storeType,
            IsNullable = !(bool)row[3]!,
            MaxLength = arguments.Length == 1 ? arguments[0] : null,
            Precision = arguments.Length == 2 ? arguments[0] : null,
            Scale = arguments.Length == 2 ? arguments[1] : null,
            DefaultSql = isGenerated ? null : row[4] as string,
            ComputedSql = isGenerated ? row[4] as string : null,
            IsStored = generated == "s",
            Identity = identity is "a" or "d" ? identity : null,
        };
    }
}
