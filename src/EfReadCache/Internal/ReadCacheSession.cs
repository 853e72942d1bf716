using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Data.Common;
using EfReadCache.Internal.Sql;
using EfReadCache.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     The cache's view of one context (a scoped service): which cache, which model and dialect, and the writes this
///     context has started and not yet finished.
/// </remarks>
public sealed class ReadCacheSession
{
    private readonly ICurrentDbContext _currentContext;
    private ModelTableMap? _map;
    private SqlDialect? _dialect;
    private ILogger? _logger;
    private ConcurrentDictionary<Guid, WriteTicket>? _commandWrites;

    /// <summary>Creates the session of a context.</summary>
    /// <param name="options">The context's options, which carry the cache.</param>
    /// <param name="currentContext">The context.</param>
    public ReadCacheSession(IDbContextOptions options, ICurrentDbContext currentContext)
    {
        _currentContext = currentContext;
        Cache = options.FindExtension<ReadCacheOptionsExtension>()?.Cache
            ?? throw new InvalidOperationException("The context's options have no EfReadCache extension; call UseReadCache().");
    }

    /// <summary>The cache.</summary>
    public ReadCache Cache { get; }

    /// <summary>The context.</summary>
    public DbContext Context => _currentContext.Context;

    /// <summary>The model's table map.</summary>
    public ModelTableMap Map => _map ??= ModelTableMap.For(Context.Model);

    /// <summary>The SQL dialect of the context's provider.</summary>
    public SqlDialect Dialect => _dialect ??= SqlDialects.FromProviderName(Context.Database.ProviderName);

    /// <summary>Where to log: EF's own logger factory, so logs go where the application's EF logs go.</summary>
    public ILogger Logger => _logger ??= Context.GetService<ILoggerFactory>().CreateLogger("EfReadCache");

    /// <summary>Writes of single commands that end when the command does (autocommit), by command id; created on the first write.</summary>
    public ConcurrentDictionary<Guid, WriteTicket> CommandWrites => LazyInitializer.EnsureInitialized(ref _commandWrites);

    /// <summary>Takes the write a command started, if it started one; never allocates on a context that has not written.</summary>
    /// <param name="commandId">The command's id.</param>
    /// <param name="ticket">The write's ticket.</param>
    /// <returns>Whether the command had started a write.</returns>
    public bool TryTakeCommandWrite(Guid commandId, [NotNullWhen(true)] out WriteTicket? ticket)
    {
        ticket = null;
        return _commandWrites is { } writes && writes.TryRemove(commandId, out ticket);
    }

    /// <summary>The write of the SaveChanges in progress, when it runs outside a user transaction.</summary>
    public WriteTicket? SaveChangesWrite { get; set; }

    /// <summary>The tables a write changes: its targets and what database cascades reach from them.</summary>
    /// <param name="plan">The write's plan.</param>
    /// <returns>Normalized table names.</returns>
    public HashSet<string> WrittenTables(CommandPlan plan)
    {
        var tables = new HashSet<string>(plan.WrittenNames, StringComparer.Ordinal);
        if (plan.Analysis.WritesUnknownTables || (plan.IsWrite && tables.Count == 0))
        {
            tables.Add(ReadCache.AllTables);
        }

        Map.AddCascades(tables);
        return tables;
    }
}
