using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Introspection;

/// <summary>Introspects SQLite through <c>sqlite_master</c> and the table-valued pragmas.</summary>
internal sealed class SqliteSchemaReader : ISchemaReader
{
    public static readonly SqliteSchemaReader Instance = new();

    public async Task<DatabaseSnapshot> ReadAsync(MigrationSession session, string? schema, CancellationToken cancellationToken)
    {
        var master = await session.QueryAsync(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid", cancellationToken).ConfigureAwait(false);
        var unmanaged = new List<UnmanagedObject>();
        var triggers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var indexSql = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var tableRows = new List<(string Name, string Sql)>();
        foreach (var row in master)
        {
            var type = (string)row[0]!;
            var name = (string)row[1]!;
            var table = (string)row[2]!;
            var sql = row[3] as string;
            switch (type)
            {
                case "table" when sql is not null && !SchemaReaderFilters.IsIgnoredTable(name):
                    if (sql.StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase))
                    {
                        unmanaged.Add(new UnmanagedObject("virtual table", name, null));
                    }
                    else
                    {
                        tableRows.Add((name, sql));
                    }

                    break;
                case "view":
                    unmanaged.Add(new UnmanagedObject("view", name, null));
                    break;
                case "trigger" when sql is not null:
                    unmanaged.Add(new UnmanagedObject("trigger", name, table));
                    if (!triggers.TryGetValue(table, out var list))
                    {
                        triggers[table] = list = [];
                    }

                    list.Add(sql);
                    break;
                case "index" when sql is not null:
                    indexSql[name] = sql;
                    break;
            }
        }

        var tables = new List<TableSnapshot>();
        foreach (var (name, sql) in tableRows)
        {
            tables.Add(await ReadTableAsync(session, name, sql, triggers.GetValueOrDefault(name) ?? [], indexSql, unmanaged, cancellationToken)
                .ConfigureAwait(false));
        }

        return new DatabaseSnapshot(null, tables, unmanaged);
    }

    private static async Task<TableSnapshot> ReadTableAsync(
        MigrationSession session,
        string name,
        string sql,
        IReadOnlyList<string> triggerSql,
        Dictionary<string, string> indexSql,
        List<UnmanagedObject> unmanaged,
        CancellationToken cancellationToken)
    {
        var definitions = SqliteDdlParser.SplitDefinitions(sql);
        var columnRows = await session.QueryAsync(
            "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(@t) ORDER BY cid",
            cancellationToken,
            ("@t", name)).ConfigureAwait(false);
        var columns = new List<ColumnSnapshot>();
        var primaryKey = new SortedList<long, string>();
        foreach (var row in columnRows)
        {
            var columnName = (string)row[1]!;
            var declared = (string?)row[2] ?? "";
            var hidden = Convert.ToInt64(row[6]);
            if (hidden == 1)
            {
                continue;
            }

            var definition = definitions.FirstOrDefault(d => string.Equals(d.ColumnName, columnName, StringComparison.OrdinalIgnoreCase));
            string? computed = null;
            var stored = false;
            if (hidden is 2 or 3 && definition is not null)
            {
                (computed, stored) = SqliteDdlParser.ExtractGenerated(definition.Text);
                declared = Diff.StoreTypes.Parse(declared).Base.Replace("GENERATED ALWAYS", "", StringComparison.OrdinalIgnoreCase).Trim();
            }

            if (definition is not null && SqliteDdlParser.HasCheck(definition.Text))
            {
                unmanaged.Add(new UnmanagedObject("check", $"{columnName} CHECK", name));
            }

            var (_, arguments) = Diff.StoreTypes.Parse(declared);
            columns.Add(new ColumnSnapshot
            {
                Name = columnName,
                StoreType = declared,
                IsNullable = Convert.ToInt64(row[3]) == 0,
                MaxLength = arguments.Length == 1 ? arguments[0] : null,
                Precision = arguments.Length == 2 ? arguments[0] : null,
                Scale = arguments.Length == 2 ? arguments[1] : null,
                DefaultSql = row[4] as string,
                ComputedSql = computed,
                IsStored = stored,
            });
            var pk = Convert.ToInt64(row[5]);
            if (pk > 0)
            {
                primaryKey.Add(pk, columnName);
            }
        }

        foreach (var check in definitions.Where(d => d.ConstraintKind == "CHECK"))
        {
            var position = 0;
            var first = SqliteDdlParser.ReadIdentifier(check.Text, ref position);
            var checkName = string.Equals(first, "CONSTRAINT", StringComparison.OrdinalIgnoreCase)
                ? SqliteDdlParser.ReadIdentifier(check.Text, ref position)
                : check.Text;
            unmanaged.Add(new UnmanagedObject("check", checkName, name));
        }

        var foreignKeys = (await ReadForeignKeysAsync(session, name, cancellationToken).ConfigureAwait(false))
            .Select(f => NameForeignKey(f, definitions)).ToList();
        var indexes = await ReadIndexesAsync(session, name, indexSql, cancellationToken).ConfigureAwait(false);
        return new TableSnapshot
        {
            Name = name,
            Columns = columns,
            PrimaryKey = primaryKey.Values.ToList(),
            ForeignKeys = foreignKeys,
            Indexes = indexes,
            CreateSql = sql,
            Definitions = definitions,
            TriggerSql = triggerSql,
        };
    }

    /// <summary>SQLite's pragma has no constraint names: they come from the CREATE TABLE text (<c>CONSTRAINT name FOREIGN KEY</c>).</summary>
    private static ForeignKeySnapshot NameForeignKey(ForeignKeySnapshot foreignKey, IReadOnlyList<SqliteDefinition> definitions)
    {
        var definition = definitions.FirstOrDefault(d => d.ConstraintKind == "FOREIGN"
            && SqliteDdlParser.ConstraintColumns(d.Text).SequenceEqual(foreignKey.Columns, StringComparer.OrdinalIgnoreCase));
        var name = definition is null ? null : SqliteDdlParser.ConstraintName(definition.Text);
        return name is null
            ? foreignKey
            : new ForeignKeySnapshot
            {
                Name = name,
                Columns = foreignKey.Columns,
                PrincipalTable = foreignKey.PrincipalTable,
                PrincipalColumns = foreignKey.PrincipalColumns,
                OnDelete = foreignKey.OnDelete,
                OnUpdate = foreignKey.OnUpdate,
                DefinitionSql = definition!.Text,
            };
    }

    private static async Task<List<ForeignKeySnapshot>> ReadForeignKeysAsync(MigrationSession session, string table, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync(
            "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@t) ORDER BY id, seq",
            cancellationToken,
            ("@t", table)).ConfigureAwait(false);
        var result = new List<ForeignKeySnapshot>();
        foreach (var group in rows.GroupBy(r => Convert.ToInt64(r[0])))
        {
            var list = group.ToList();
            var principal = (string)list[0][2]!;
            var principalColumns = list.Select(r => r[4] as string).ToList();
            if (principalColumns.Any(c => c is null))
            {
                var pkRows = await session.QueryAsync(
                    "SELECT name FROM pragma_table_info(@t) WHERE pk > 0 ORDER BY pk", cancellationToken, ("@t", principal)).ConfigureAwait(false);
                principalColumns = pkRows.Select(r => (string?)r[0]).ToList();
            }

            result.Add(new ForeignKeySnapshot
            {
                Name = null,
                Columns = list.Select(r => (string)r[3]!).ToList(),
                PrincipalTable = principal,
                PrincipalColumns = principalColumns.Select(c => c ?? "").ToList(),
                OnUpdate = ForeignKeyActions.Normalize(list[0][5] as string),
                OnDelete = ForeignKeyActions.Normalize(list[0][6] as string),
            });
        }

        return result;
    }

    private static async Task<List<IndexSnapshot>> ReadIndexesAsync(
        MigrationSession session, string table, Dictionary<string, string> indexSql, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync(
            "SELECT name, \"unique\", origin FROM pragma_index_list(@t) WHERE origin IN ('c', 'u') ORDER BY name", cancellationToken, ("@t", table))
            .ConfigureAwait(false);
        var result = new List<IndexSnapshot>();
        foreach (var row in rows)
        {
            var name = (string)row[0]!;
            var columns = await session.QueryAsync(
                "SELECT cid, name FROM pragma_index_info(@i) ORDER BY seqno", cancellationToken, ("@i", name)).ConfigureAwait(false);
            var sql = indexSql.GetValueOrDefault(name);
            result.Add(new IndexSnapshot
            {
                Name = name,
                Columns = columns.Select(c => Convert.ToInt64(c[0]) < 0 ? null : (string?)c[1]).ToList(),
                IsUnique = Convert.ToInt64(row[1]) != 0,
                IsConstraint = (string)row[2]! == "u",
                Filter = SqliteDdlParser.ExtractWhere(sql),
                CreateSql = sql,
            });
        }

        return result;
    }
}
