using EfReadCache.Migrations.Internal.Diff;
using EfReadCache.Migrations.Internal.Introspection;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>
///     Writes the statements that rebuild a SQLite table from the <b>live</b> table plus the changes: what the model
///     manages (its columns, primary key, foreign keys and UNIQUE constraints) takes the model's definition; what it does
///     not know (other columns, CHECK constraints, UNIQUE constraints and FKs over unknown columns, indexes, triggers) is
///     copied as written.
///     EF's own SQLite generator rebuilds from the model and would drop the unknown columns.
/// </summary>
internal sealed class SqliteRebuild
{
    private readonly TableDiff _table;

    public SqliteRebuild(TableDiff table) => _table = table;

    /// <summary>Columns (live names) to drop; the others not in the model are kept.</summary>
    public HashSet<string> DroppedColumns { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Changed columns (desired names) whose change is blocked: they keep their live definition.</summary>
    public HashSet<string> KeptColumns { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Desired column name to the default expression that fills its NULLs.</summary>
    public Dictionary<string, string> FillNulls { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Desired FKs not to create (blocked by orphans in NOT NULL columns).</summary>
    public List<ForeignKeySnapshot> SkippedForeignKeys { get; } = [];

    /// <summary>Desired UNIQUE constraints not to create (blocked by duplicates).</summary>
    public List<IndexSnapshot> SkippedUniqueConstraints { get; } = [];

    /// <summary>Statements that run after the swap (orphans set to NULL).</summary>
    public List<string> AfterSwap { get; } = [];

    /// <summary>Indexes (by name) dropped before the rebuild; they are not recreated.</summary>
    public HashSet<string> DroppedIndexes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> BuildSql()
    {
        var live = _table.Live;
        var desired = _table.Desired;
        var temporary = "ef_rebuild_" + desired.Name;
        var liveToDesired = _table.LiveNames.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
        var definitions = new List<string>();
        var targets = new List<string>();
        var sources = new List<string>();

        foreach (var definition in live.Definitions.Where(d => d.ColumnName is not null))
        {
            var liveColumn = live.FindColumn(definition.ColumnName!);
            if (liveColumn is null || DroppedColumns.Contains(liveColumn.Name))
            {
                continue;
            }

            // Renames run before the rebuild, so the live table already has the desired name.
            var name = liveToDesired.GetValueOrDefault(liveColumn.Name) ?? liveColumn.Name;
            var managed = liveToDesired.ContainsKey(liveColumn.Name);
            var desiredColumn = managed ? desired.FindColumn(name) : null;
            var text = managed && !KeptColumns.Contains(name)
                ? DesiredDefinition(name)
                : SqliteDdlParser.ReplaceLeadingIdentifier(definition.Text, Sql.Quote(name));
            definitions.Add(text);
            if (liveColumn.ComputedSql is not null || desiredColumn?.ComputedSql is not null)
            {
                continue;
            }

            targets.Add(Sql.Quote(name));
            sources.Add(FillNulls.TryGetValue(name, out var fill) ? $"coalesce({Sql.Quote(name)}, {fill})" : Sql.Quote(name));
        }

        foreach (var column in _table.AddedColumns)
        {
            definitions.Add(DesiredDefinition(column.Name));
            if (!column.IsNullable && column.DefaultSql is null && column.ComputedSql is null)
            {
                targets.Add(Sql.Quote(column.Name));
                sources.Add(ZeroLiteral(column.StoreType));
            }
        }

        foreach (var constraint in live.Definitions.Where(d => d.ConstraintKind == "CHECK"))
        {
            definitions.Add(constraint.Text);
        }

        // Live UNIQUE constraints over an unknown column stay; the model's own come from its definition below.
        foreach (var constraint in live.Definitions.Where(d => d.ConstraintKind == "UNIQUE"))
        {
            var columns = SqliteDdlParser.ConstraintColumns(constraint.Text);
            if (columns.Any(c => !liveToDesired.ContainsKey(c)) && !columns.Any(DroppedColumns.Contains))
            {
                definitions.Add(constraint.Text);
            }
        }

        foreach (var constraint in live.Definitions.Where(d => d.ConstraintKind == "FOREIGN"))
        {
            if (SqliteDdlParser.ConstraintColumns(constraint.Text).All(c => !liveToDesired.ContainsKey(c) && !DroppedColumns.Contains(c)))
            {
                definitions.Add(constraint.Text);
            }
        }

        foreach (var constraint in desired.Definitions.Where(d => d.ConstraintKind == "UNIQUE"))
        {
            var columns = SqliteDdlParser.ConstraintColumns(constraint.Text);
            if (!SkippedUniqueConstraints.Any(u => u.Columns.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase)))
            {
                definitions.Add(constraint.Text);
            }
        }

        foreach (var constraint in desired.Definitions.Where(d => d.ConstraintKind == "PRIMARY"))
        {
            definitions.Add(constraint.Text);
        }

        foreach (var constraint in desired.Definitions.Where(d => d.ConstraintKind == "FOREIGN"))
        {
            var columns = SqliteDdlParser.ConstraintColumns(constraint.Text);
            if (!SkippedForeignKeys.Any(f => f.Columns.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase)))
            {
                definitions.Add(constraint.Text);
            }
        }

        var sql = new List<string>
        {
            $"CREATE TABLE {Sql.Quote(temporary)} (\n    {string.Join(",\n    ", definitions)}\n){Options(live)};",
        };
        if (targets.Count > 0)
        {
            sql.Add($"INSERT INTO {Sql.Quote(temporary)} ({string.Join(", ", targets)})\nSELECT {string.Join(", ", sources)}\nFROM {Sql.Quote(live.Name)};");
        }

        sql.Add($"DROP TABLE {Sql.Quote(live.Name)};");
        sql.Add("PRAGMA legacy_alter_table = ON;");
        sql.Add($"ALTER TABLE {Sql.Quote(temporary)} RENAME TO {Sql.Quote(desired.Name)};");
        sql.Add("PRAGMA legacy_alter_table = OFF;");
        foreach (var index in live.Indexes.Where(i => !i.IsConstraint && !DroppedIndexes.Contains(i.Name)))
        {
            if (index.Columns.Any(c => c is not null && DroppedColumns.Contains(c)))
            {
                continue;
            }

            var renamed = index.Columns.Any(c => c is not null && liveToDesired.TryGetValue(c, out var n) && n != c);
            sql.Add(renamed || index.CreateSql is null
                ? $"CREATE {(index.IsUnique ? "UNIQUE " : "")}INDEX {Sql.Quote(index.Name)} ON {Sql.Quote(desired.Name)} ({Sql.QuoteList(index.Columns.Select(c => liveToDesired.GetValueOrDefault(c!) ?? c!))})"
                    + (index.Filter is null ? "" : " WHERE " + index.Filter) + ";"
                : index.CreateSql + ";");
        }

        sql.AddRange(live.TriggerSql.Select(t => t + ";"));
        sql.AddRange(AfterSwap);
        return sql;
    }

    public static string ZeroLiteral(string storeType) => StoreTypes.SqliteAffinity(storeType) switch
    {
        "TEXT" => "''",
        "BLOB" => "X''",
        _ => "0",
    };

    /// <summary>The live table's options (WITHOUT ROWID, STRICT) are kept.</summary>
    private static string Options(TableSnapshot live)
    {
        var options = live.CreateSql is null ? "" : SqliteDdlParser.TableOptions(live.CreateSql);
        return options.Length == 0 ? "" : " " + options;
    }

    private string DesiredDefinition(string column)
        => _table.Desired.Definitions.First(d => string.Equals(d.ColumnName, column, StringComparison.OrdinalIgnoreCase)).Text;
}
