using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EfReadCache.Internal.Sql;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Plans by command text. EF reuses one string instance per cached query, so a lookup by reference comes first and
///     costs no hashing of the SQL; texts built anew each time (raw SQL) fall back to a bounded dictionary.
/// </remarks>
public sealed class CommandPlanCache
{
    private const int MaxPlans = 10_000;

    private readonly ConditionalWeakTable<string, CommandPlan> _byReference = new();
    private readonly ConcurrentDictionary<(string, SqlDialect), CommandPlan> _byText = new();

    /// <summary>The plan of a command text.</summary>
    /// <param name="commandText">The SQL.</param>
    /// <param name="dialect">The dialect.</param>
    /// <returns>The plan, analyzed on first use.</returns>
    public CommandPlan Get(string commandText, SqlDialect dialect)
    {
        if (_byReference.TryGetValue(commandText, out var plan))
        {
            return plan;
        }

        if (!_byText.TryGetValue((commandText, dialect), out plan))
        {
            if (_byText.Count >= MaxPlans)
            {
                _byText.Clear();
            }

            plan = _byText.GetOrAdd((commandText, dialect), static key => new CommandPlan(key.Item1, key.Item2));
        }

        _byReference.AddOrUpdate(commandText, plan);
        return plan;
    }
}
