using System.Collections.Concurrent;
using EfReadCache.Internal.Sql;
using EfReadCache.Storage;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>What EfReadCache knows about one command text, computed once: its analysis, its mark and its tables per database.</remarks>
public sealed class CommandPlan
{
    private readonly ConcurrentDictionary<(string Database, ModelTableMap? Map), TableSet?> _readSets = new();
    private ReadSetEntry? _lastReadSet;

    /// <summary>Analyzes a command text.</summary>
    /// <param name="commandText">The SQL.</param>
    /// <param name="dialect">The SQL dialect.</param>
    public CommandPlan(string commandText, SqlDialect dialect)
    {
        CommandText = commandText;
        Dialect = dialect;
        ProviderName = dialect.ToString();
        TextHash = string.GetHashCode(commandText, StringComparison.Ordinal);
        Analysis = SqlAnalyzer.Analyze(commandText, dialect);
        Mark = QueryMark.Parse(Analysis.Tags);
        ReadNames = Analysis.ReadTables.Select(t => TableSet.Normalize(t.Name)).Distinct(StringComparer.Ordinal).ToArray();
        WrittenNames = Analysis.WrittenTables.Select(t => TableSet.Normalize(t.Name)).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The SQL.</summary>
    public string CommandText { get; }

    /// <summary>The SQL dialect the text was analyzed with.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The dialect's name, as cache keys carry it.</summary>
    public string ProviderName { get; }

    /// <summary>The ordinal hash of the SQL, computed once.</summary>
    public int TextHash { get; }

    /// <summary>The analysis.</summary>
    public SqlAnalysis Analysis { get; }

    /// <summary>What the tags ask of the cache.</summary>
    public QueryMark Mark { get; }

    /// <summary>Normalized names of the relations the SQL reads.</summary>
    public string[] ReadNames { get; }

    /// <summary>Normalized names of the tables the SQL writes.</summary>
    public string[] WrittenNames { get; }

    /// <summary>Whether the SQL may change data or schema.</summary>
    public bool IsWrite => Analysis.IsWrite;

    /// <summary>
    ///     The tables a cached result of this SQL depends on in a database, or <see langword="null" /> when they cannot be
    ///     known (a function in FROM, or a model view without declared dependencies) and the query named none.
    /// </summary>
    /// <param name="database">The database identity.</param>
    /// <param name="map">The model's table map.</param>
    /// <returns>The dependencies, always including <see cref="ReadCache.AllTables" />.</returns>
    public TableSet? ReadSet(string database, ModelTableMap? map)
    {
        // Almost every plan is used with one database and one model: compare references before hashing the identity.
        var last = _lastReadSet;
        if (last is not null && ReferenceEquals(last.Database, database) && ReferenceEquals(last.Map, map))
        {
            return last.Tables;
        }

        var tables = _readSets.GetOrAdd((database, map), static (key, plan) => plan.ResolveReadSet(key.Database, key.Map), this);
        _lastReadSet = new ReadSetEntry(database, map, tables);
        return tables;
    }

    private TableSet? ResolveReadSet(string database, ModelTableMap? map)
    {
        var declared = Mark.DependsOn;
        var unknown = Analysis.HasUnknownReadSources || (map is not null && map.CallsUserFunction(Analysis.Functions));
        var tables = new HashSet<string>(ReadNames, StringComparer.Ordinal) { ReadCache.AllTables };
        foreach (var name in ReadNames)
        {
            if (map is not null && map.IsView(name))
            {
                if (map.TryGetViewDependencies(name, out var dependencies))
                {
                    tables.UnionWith(dependencies);
                }
                else
                {
                    unknown = true;
                }
            }
        }

        if (declared.Count > 0)
        {
            tables.UnionWith(declared.Select(TableSet.Normalize));
            unknown = false;
        }

        return unknown ? null : new TableSet(database, tables);
    }

    private sealed record ReadSetEntry(string Database, ModelTableMap? Map, TableSet? Tables);
}
