using EfReadCache.Migrations.Internal.Apply;
using EfReadCache.Migrations.Internal.Diff;
using EfReadCache.Migrations.Internal.Model;

namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>
///     Turns a <see cref="SchemaDiff" /> into a plan, checking the live data before each risky operation. The dialects
///     differ only in the SQL they emit; the safety rules are here.
/// </summary>
internal abstract class SchemaPlanner
{
    protected SchemaPlanner(MigrationSession session, SchemaMigrationOptions options, DatabaseSnapshot live, SchemaDiff diff)
    {
        Session = session;
        Options = options;
        Live = live;
        SchemaDiff = diff;
        AlteredTables = diff.AlteredTables.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
    }

    protected MigrationSession Session { get; }

    protected SchemaMigrationOptions Options { get; }

    protected DatabaseSnapshot Live { get; }

    protected SchemaDiff SchemaDiff { get; }

    protected Dictionary<string, TableDiff> AlteredTables { get; }

    protected PlanBuilder Plan { get; } = new();

    public async Task<SchemaPlan> PlanAsync(string provider, CancellationToken cancellationToken)
    {
        PlanStart();
        foreach (var table in SchemaDiff.AlteredTables)
        {
            await PlanAlteredTableAsync(table, cancellationToken).ConfigureAwait(false);
        }

        foreach (var table in SchemaDiff.DroppedTables)
        {
            if (AllowDrop(SchemaOperationKinds.DropTable, table.Name, null, $"Table {table.Name}"))
            {
                PlanDropTable(table);
            }
        }

        foreach (var table in SchemaDiff.CreatedTables)
        {
            PlanCreatedTable(table);
        }

        return Plan.Build(provider, Live.Unmanaged);
    }

    protected virtual void PlanStart()
    {
    }

    protected virtual void PlanDropTable(TableSnapshot table)
        => Plan.Add(PlanStage.DropTable, new SchemaOperation(
            SchemaOperationKinds.DropTable, table.Name, "drop the table (not in the model)", [$"DROP TABLE {Sql.Quote(table.Name)};"], losesData: true));

    protected abstract Task PlanAlteredTableAsync(TableDiff table, CancellationToken cancellationToken);

    protected abstract void PlanCreatedTable(TableSnapshot table);

    /// <summary>Whether a drop may run; when data loss is not allowed, records it as blocked.</summary>
    protected bool AllowDrop(string kind, string table, string? column, string what)
    {
        if (Options.AllowDataLoss)
        {
            return true;
        }

        Plan.Block(new BlockedOperation(kind, table, $"{what} is not in the model; dropping it loses data. It is kept. Set AllowDataLoss (--allow-data-loss) to drop it.")
        {
            Column = column,
            RequiresDataLoss = true,
        });
        return false;
    }

    /// <summary>
    ///     SET NOT NULL on a column that holds NULLs: fills them with the model's default when there is one (returns the
    ///     number of rows), blocks otherwise (returns <see langword="null" />).
    /// </summary>
    protected async Task<long?> CheckSetNotNullAsync(TableDiff table, ColumnChange change, CancellationToken cancellationToken)
    {
        if (!change.NullabilityChanged || change.Desired.IsNullable || change.Desired.ComputedSql is not null)
        {
            return 0;
        }

        var nulls = await DataChecks.CountNullsAsync(Session, table.Live.Name, change.Live.Name, cancellationToken).ConfigureAwait(false);
        if (nulls == 0)
        {
            return 0;
        }

        if (change.Desired.DefaultSql is not null)
        {
            Plan.Warnings.Add($"{table.Name}.{change.Desired.Name}: {nulls} NULL value(s) will be set to the model's default {change.Desired.DefaultSql} before SET NOT NULL.");
            return nulls;
        }

        Plan.Block(new BlockedOperation(
            SchemaOperationKinds.AlterColumn,
            table.Name,
            $"SET NOT NULL on {table.Name}.{change.Desired.Name}: {nulls} row(s) hold NULL and the model has no default value for the column. "
            + "Fill the NULLs, or give the property a default (HasDefaultValue/HasDefaultValueSql), then plan again.")
        {
            Column = change.Desired.Name,
        });
        return null;
    }

    /// <summary>Whether a type change narrows the type; when data loss is not allowed, records it as blocked.</summary>
    protected bool IsBlockedNarrowing(TableDiff table, ColumnChange change, bool narrowing)
    {
        if (!narrowing || Options.AllowDataLoss)
        {
            return false;
        }

        Plan.Block(new BlockedOperation(
            SchemaOperationKinds.AlterColumn,
            table.Name,
            $"{table.Name}.{change.Desired.Name}: changing the type from {change.Live.StoreType} to {change.Desired.StoreType} narrows it and can lose data. "
            + "Set AllowDataLoss (--allow-data-loss) to apply it.")
        {
            Column = change.Desired.Name,
            RequiresDataLoss = true,
        });
        return true;
    }

    /// <summary>A unique index over existing duplicate values is blocked. Returns whether the index may be created.</summary>
    protected async Task<bool> CheckUniqueIndexAsync(TableDiff? table, string tableName, IndexSnapshot index, CancellationToken cancellationToken)
    {
        if (!index.IsUnique || table is null || index.HasExpressions)
        {
            return true;
        }

        var liveColumns = index.Columns.Select(c => table.LiveNames.GetValueOrDefault(c!)).ToList();
        if (liveColumns.Any(c => c is null) || (index.Filter is not null && liveColumns.Zip(index.Columns).Any(p => p.First != p.Second)))
        {
            return true;
        }

        var duplicates = await DataChecks.CountDuplicatesAsync(Session, table.Live.Name, liveColumns!, index.Filter, cancellationToken)
            .ConfigureAwait(false);
        if (duplicates == 0)
        {
            return true;
        }

        Plan.Block(new BlockedOperation(
            SchemaOperationKinds.CreateIndex,
            tableName,
            $"Unique index {index.Name} on {tableName} ({string.Join(", ", index.Columns)}): {duplicates} value(s) occur more than once. "
            + "Remove the duplicates, then plan again."));
        return false;
    }

    /// <summary>
    ///     Counts the orphans before an FK is added. Nullable: they will be set to NULL (reported). NOT NULL: the FK is
    ///     blocked with an error naming the table, column, principal and count; no row is ever deleted.
    /// </summary>
    protected async Task<ForeignKeyCheck> CheckForeignKeyAsync(TableDiff? table, TableSnapshot desiredTable, ForeignKeySnapshot foreignKey, CancellationToken cancellationToken)
    {
        var nullable = foreignKey.Columns.Where(c => desiredTable.FindColumn(c)?.IsNullable ?? true).ToList();
        if (table is null)
        {
            return new ForeignKeyCheck(0, nullable, false);
        }

        var liveColumns = foreignKey.Columns.Select(c => table.LiveNames.GetValueOrDefault(c)).ToList();
        long orphans;
        if (liveColumns.Any(c => c is null))
        {
            orphans = nullable.Count > 0 ? 0 : await DataChecks.CountRowsAsync(Session, table.Live.Name, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var principal = Live.FindTable(foreignKey.PrincipalTable);
            var principalColumns = foreignKey.PrincipalColumns
                .Select(c => AlteredTables.TryGetValue(foreignKey.PrincipalTable, out var p) ? p.LiveNames.GetValueOrDefault(c) : principal?.FindColumn(c)?.Name)
                .ToList();
            var principalName = principal is null || principalColumns.Any(c => c is null) ? null : principal.Name;
            orphans = await DataChecks.CountOrphansAsync(Session, table.Live.Name, liveColumns!, principalName, principalColumns!, cancellationToken)
                .ConfigureAwait(false);
        }

        if (orphans == 0)
        {
            return new ForeignKeyCheck(0, nullable, false);
        }

        var what = $"{desiredTable.Name}({string.Join(", ", foreignKey.Columns)}) -> {foreignKey.PrincipalTable}({string.Join(", ", foreignKey.PrincipalColumns)})";
        if (nullable.Count > 0)
        {
            Plan.Warnings.Add($"Foreign key {what}: {orphans} orphan row(s) in {desiredTable.Name} reference no {foreignKey.PrincipalTable} row; {string.Join(", ", nullable)} will be set to NULL in those rows.");
            return new ForeignKeyCheck(orphans, nullable, false);
        }

        Plan.Block(new BlockedOperation(
            SchemaOperationKinds.AddForeignKey,
            desiredTable.Name,
            $"Foreign key {what} skipped: {orphans} row(s) of {desiredTable.Name} have a {string.Join(", ", foreignKey.Columns)} value with no matching {foreignKey.PrincipalTable} row, "
            + $"and {string.Join(", ", foreignKey.Columns)} is NOT NULL, so they cannot be set to NULL. No row is deleted. Fix or delete those rows, then plan again.")
        {
            Column = string.Join(", ", foreignKey.Columns),
        });
        return new ForeignKeyCheck(orphans, nullable, true);
    }

    /// <summary>The statement that sets the orphans' nullable FK columns to NULL (desired names; runs just before the FK is added).</summary>
    protected static string OrphanFixSql(string table, ForeignKeySnapshot foreignKey, IReadOnlyList<string> nullableColumns)
        => $"UPDATE {Sql.Quote(table)} SET {string.Join(", ", nullableColumns.Select(c => Sql.Quote(c) + " = NULL"))} WHERE "
            + DataChecks.OrphanPredicate(table, foreignKey.Columns, foreignKey.PrincipalTable, foreignKey.PrincipalColumns) + ";";
}
