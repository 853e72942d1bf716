using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Diff;

/// <summary>Compares a live snapshot with the desired one. Renames come only from the model's explicit annotations.</summary>
internal sealed class SchemaDiffer
{
    private readonly SchemaComparer _comparer;

    /// <summary>Table name to (new column name to old column name).</summary>
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _renames;

    private readonly IReadOnlySet<string> _excludedTables;

    public SchemaDiffer(
        SchemaComparer comparer,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> renames,
        IReadOnlySet<string>? excludedTables = null)
    {
        _comparer = comparer;
        _renames = renames;
        _excludedTables = excludedTables ?? new HashSet<string>();
    }

    public SchemaDiff Diff(DatabaseSnapshot live, DatabaseSnapshot desired)
    {
        var diff = new SchemaDiff();
        foreach (var table in desired.Tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var liveTable = live.FindTable(table.Name);
            if (liveTable is null)
            {
                diff.CreatedTables.Add(table);
                continue;
            }

            var tableDiff = DiffTable(liveTable, table);
            diff.AlteredTables.Add(tableDiff);
        }

        diff.DroppedTables.AddRange(live.Tables.Values
            .Where(t => desired.FindTable(t.Name) is null && !_excludedTables.Contains(t.Name))
            .OrderBy(t => t.Name, StringComparer.Ordinal));
        DiffForeignKeys(diff);
        diff.AlteredTables.RemoveAll(t => t.IsEmpty);
        return diff;
    }

    private TableDiff DiffTable(TableSnapshot live, TableSnapshot desired)
    {
        var result = new TableDiff { Live = live, Desired = desired };
        var renames = _renames.GetValueOrDefault(desired.Name);
        var matched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in desired.Columns)
        {
            var liveColumn = live.FindColumn(column.Name);
            if (liveColumn is null && renames?.GetValueOrDefault(column.Name) is { } oldName)
            {
                liveColumn = live.FindColumn(oldName);
            }

            if (liveColumn is null || !matched.Add(liveColumn.Name))
            {
                result.AddedColumns.Add(column);
                continue;
            }

            result.LiveNames[column.Name] = liveColumn.Name;
            var inBothKeys = _comparer.Dialect == SchemaDialect.Sqlite
                && desired.PrimaryKey.Contains(column.Name, StringComparer.OrdinalIgnoreCase)
                && live.PrimaryKey.Contains(liveColumn.Name, StringComparer.OrdinalIgnoreCase);
            var change = new ColumnChange
            {
                Live = liveColumn,
                Desired = column,
                TypeChanged = !_comparer.SameType(liveColumn, column),
                NullabilityChanged = liveColumn.IsNullable != column.IsNullable && !inBothKeys,
                DefaultChanged = !_comparer.SameExpression(liveColumn.DefaultSql, column.DefaultSql),
                ComputedChanged = !_comparer.SameExpression(liveColumn.ComputedSql, column.ComputedSql) || liveColumn.IsStored != column.IsStored,
                IdentityChanged = liveColumn.Identity != column.Identity,
            };
            if (change.Renamed || change.IsAltered)
            {
                result.ChangedColumns.Add(change);
            }
        }

        result.DroppedColumns.AddRange(live.Columns.Where(c => !matched.Contains(c.Name)));
        var livePrimaryKey = live.PrimaryKey.Select(c => ToDesiredName(result, c)).ToList();
        result.PrimaryKeyChanged = !livePrimaryKey.SequenceEqual(desired.PrimaryKey, StringComparer.OrdinalIgnoreCase);

        // Expression indexes cannot come from an EF model: they are never dropped.
        var liveIndexes = live.Indexes.Where(i => !i.HasExpressions).ToList();
        var unmatched = liveIndexes.ToList();
        foreach (var index in desired.Indexes)
        {
            var match = unmatched.FirstOrDefault(l => string.Equals(IndexKey(result, l), IndexKey(index), StringComparison.OrdinalIgnoreCase)
                && SameDefinition(result, l, index));
            if (match is null)
            {
                result.AddedIndexes.Add(index);
            }
            else
            {
                unmatched.Remove(match);
            }
        }

        // An index over a column the model does not know belongs to that column: it is left alone (and goes with the column).
        result.DroppedIndexes.AddRange(unmatched.Where(i => i.Columns.All(c => desired.FindColumn(ToDesiredName(result, c!)) is not null)));
        return result;
    }

    /// <summary>
    ///     Foreign keys are matched by columns, principal and actions (names are not compared). An FK whose columns, on
    ///     either side, change type is dropped and added again around the type change.
    /// </summary>
    private void DiffForeignKeys(SchemaDiff diff)
    {
        var typeChanged = diff.AlteredTables
            .SelectMany(t => t.ChangedColumns.Where(c => c.TypeChanged).Select(c => (t.Name, c.Desired.Name)))
            .Select(p => p.Item1.ToUpperInvariant() + "." + p.Item2.ToUpperInvariant())
            .ToHashSet();
        var tableDiffs = diff.AlteredTables.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var table in diff.AlteredTables)
        {
            var desiredKeys = table.Desired.ForeignKeys.Select(ForeignKeyKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var liveKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var foreignKey in table.Live.ForeignKeys)
            {
                var key = LiveForeignKeyKey(table, tableDiffs, foreignKey);
                liveKeys.Add(key);
                var retyped = TouchesRetypedColumn(table.Name, foreignKey.Columns.Select(c => ToDesiredName(table, c)), typeChanged)
                    || TouchesRetypedColumn(foreignKey.PrincipalTable, foreignKey.PrincipalColumns.Select(c => PrincipalDesiredName(tableDiffs, foreignKey.PrincipalTable, c)), typeChanged);
                if (!desiredKeys.Contains(key))
                {
                    table.DroppedForeignKeys.Add(foreignKey);
                }
                else if (retyped)
                {
                    table.DroppedForeignKeys.Add(foreignKey);
                    table.AddedForeignKeys.Add(table.Desired.ForeignKeys.First(f => string.Equals(ForeignKeyKey(f), key, StringComparison.OrdinalIgnoreCase)));
                }
            }

            table.AddedForeignKeys.AddRange(table.Desired.ForeignKeys.Where(f => !liveKeys.Contains(ForeignKeyKey(f))));
        }
    }

    private static bool TouchesRetypedColumn(string table, IEnumerable<string> columns, HashSet<string> typeChanged)
        => columns.Any(c => typeChanged.Contains(table.ToUpperInvariant() + "." + c.ToUpperInvariant()));

    private static string ToDesiredName(TableDiff table, string liveName)
        => table.LiveNames.FirstOrDefault(p => string.Equals(p.Value, liveName, StringComparison.OrdinalIgnoreCase)).Key ?? liveName;

    private static string PrincipalDesiredName(Dictionary<string, TableDiff> tables, string principal, string liveName)
        => tables.TryGetValue(principal, out var table) ? ToDesiredName(table, liveName) : liveName;

    private static string LiveForeignKeyKey(TableDiff table, Dictionary<string, TableDiff> tables, ForeignKeySnapshot foreignKey)
        => Key(
            foreignKey.Columns.Select(c => ToDesiredName(table, c)),
            foreignKey.PrincipalTable,
            foreignKey.PrincipalColumns.Select(c => PrincipalDesiredName(tables, foreignKey.PrincipalTable, c)),
            foreignKey.OnDelete,
            foreignKey.OnUpdate);

    private static string ForeignKeyKey(ForeignKeySnapshot foreignKey)
        => Key(foreignKey.Columns, foreignKey.PrincipalTable, foreignKey.PrincipalColumns, foreignKey.OnDelete, foreignKey.OnUpdate);

    private static string Key(IEnumerable<string> columns, string principal, IEnumerable<string> principalColumns, string onDelete, string onUpdate)
        => $"{string.Join(",", columns)}|{principal}|{string.Join(",", principalColumns)}|{onDelete}|{onUpdate}";

    /// <summary>
    ///     PostgreSQL indexes also compare by the server's definition after <c>USING</c> (method, sort order, operator
    ///     classes, INCLUDE, filter), unless a column is being renamed (the live definition still has the old name).
    /// </summary>
    private static bool SameDefinition(TableDiff table, IndexSnapshot live, IndexSnapshot desired)
    {
        var liveTail = DefinitionTail(live.CreateSql);
        var desiredTail = DefinitionTail(desired.CreateSql);
        var renamed = live.Columns.Any(c => c is not null && !string.Equals(ToDesiredName(table, c), c, StringComparison.Ordinal));
        return liveTail is null || desiredTail is null || renamed || string.Equals(liveTail, desiredTail, StringComparison.Ordinal);
    }

    private static string? DefinitionTail(string? createSql)
    {
        var at = createSql?.IndexOf(" USING ", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : createSql![at..];
    }

    private static string IndexKey(IndexSnapshot index)
        => $"{string.Join(",", index.Columns)}|{index.IsUnique}|{index.IsConstraint}|{SchemaComparer.NormalizeExpression(index.Filter)}";

    private static string IndexKey(TableDiff table, IndexSnapshot index)
        => $"{string.Join(",", index.Columns.Select(c => c is null ? null : ToDesiredName(table, c)))}|{index.IsUnique}|{index.IsConstraint}|{SchemaComparer.NormalizeExpression(index.Filter)}";
}
