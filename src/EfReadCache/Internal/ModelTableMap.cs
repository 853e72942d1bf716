using System.Runtime.CompilerServices;
using EfReadCache.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     What the EF model says about tables: which names are tables and views, which tables an entity type writes
///     (TPH, TPT, TPC, owned types, table splitting, join tables), which tables a database cascade reaches from a
///     write (ON DELETE CASCADE / SET NULL / SET DEFAULT, followed transitively), and the dependencies declared for
///     views with <c>HasCacheDependencies</c>. Built once per model.
/// </remarks>
public sealed class ModelTableMap
{
    /// <summary>The annotation that holds a view's or function's declared table dependencies.</summary>
    public const string DependenciesAnnotation = "EfReadCache:Dependencies";

    private static readonly ConditionalWeakTable<IModel, ModelTableMap> Maps = new();

    private readonly Dictionary<string, HashSet<string>> _cascades = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _viewDependencies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _views = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _userFunctions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConditionalWeakTable<IReadOnlyEntityType, string[]> _entityTables = new();

    private ModelTableMap(IModel model)
    {
        var relational = model.GetRelationalModel();
        foreach (var table in relational.Tables)
        {
            var name = TableSet.Normalize(table.Name);
            _tables.Add(name);
            foreach (var foreignKey in table.ForeignKeyConstraints)
            {
                if (foreignKey.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
                {
                    var principal = TableSet.Normalize(foreignKey.PrincipalTable.Name);
                    if (!_cascades.TryGetValue(principal, out var dependents))
                    {
                        _cascades[principal] = dependents = new HashSet<string>(StringComparer.Ordinal);
                    }

                    dependents.Add(name);
                }
            }
        }

        foreach (var function in model.GetDbFunctions())
        {
            if (!function.IsBuiltIn)
            {
                _userFunctions.Add(function.Name);
            }
        }

        foreach (var view in relational.Views)
        {
            var name = TableSet.Normalize(view.Name);
            _views.Add(name);
            var declared = view.EntityTypeMappings
                .Select(m => m.TypeBase.FindAnnotation(DependenciesAnnotation)?.Value as string)
                .FirstOrDefault(v => v is not null);
            if (declared is not null)
            {
                _viewDependencies[name] = declared.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(TableSet.Normalize).ToArray();
            }
        }
    }

    /// <summary>The map of a model.</summary>
    /// <param name="model">The runtime model.</param>
    /// <returns>The map, built on first use.</returns>
    public static ModelTableMap For(IModel model) => Maps.GetValue(model, static m => new ModelTableMap(m));

    /// <summary>Whether a normalized name is a table of the model.</summary>
    /// <param name="name">A normalized name.</param>
    /// <returns><see langword="true" /> for a model table.</returns>
    public bool IsTable(string name) => _tables.Contains(name);

    /// <summary>Whether a normalized name is a view of the model.</summary>
    /// <param name="name">A normalized name.</param>
    /// <returns><see langword="true" /> for a model view.</returns>
    public bool IsView(string name) => _views.Contains(name);

    /// <summary>
    ///     Whether the SQL calls a database function the model maps (<c>HasDbFunction</c>, not built in): such a function
    ///     may read any table, so a query calling it has unknown dependencies.
    /// </summary>
    /// <param name="functions">The functions the SQL calls.</param>
    /// <returns><see langword="true" /> if any is a user-defined function of the model.</returns>
    public bool CallsUserFunction(IReadOnlyList<Sql.SqlTableReference> functions)
    {
        if (_userFunctions.Count == 0)
        {
            return false;
        }

        foreach (var function in functions)
        {
            if (_userFunctions.Contains(function.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tables a view was declared to depend on with <c>HasCacheDependencies</c>.</summary>
    /// <param name="view">A normalized view name.</param>
    /// <param name="tables">The declared tables.</param>
    /// <returns><see langword="true" /> if the view has declared dependencies.</returns>
    public bool TryGetViewDependencies(string view, out string[] tables) => _viewDependencies.TryGetValue(view, out tables!);

    /// <summary>The tables rows of this entity type are written to.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <returns>Normalized table names.</returns>
    public string[] TablesOf(IReadOnlyEntityType entityType)
        => _entityTables.GetValue(entityType, static type =>
        {
            var tables = new HashSet<string>(StringComparer.Ordinal);
            foreach (var mapping in ((IEntityType)type).GetTableMappings())
            {
                tables.Add(TableSet.Normalize(mapping.Table.Name));
            }

            if (tables.Count == 0 && type.GetTableName() is { } tableName)
            {
                tables.Add(TableSet.Normalize(tableName));
            }

            return [.. tables];
        });

    /// <summary>Adds every table a database cascade can reach from writes to these tables.</summary>
    /// <param name="tables">Normalized names of written tables; expanded in place.</param>
    public void AddCascades(HashSet<string> tables)
    {
        if (_cascades.Count == 0)
        {
            return;
        }

        var queue = new Queue<string>(tables);
        while (queue.TryDequeue(out var table))
        {
            if (_cascades.TryGetValue(table, out var dependents))
            {
                foreach (var dependent in dependents)
                {
                    if (tables.Add(dependent))
                    {
                        queue.Enqueue(dependent);
                    }
                }
            }
        }
    }
}
