using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Before SaveChanges sends anything, marks pending every table its entries map to (TPH, TPT, TPC, owned types,
///     table splitting, join tables) and every table a database cascade reaches from them; releases them when
///     SaveChanges ends, or at the commit of the user's transaction.
/// </remarks>
public sealed class ReadCacheSaveChangesInterceptor(ReadCacheSession session) : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WriteTracker.Wait(BeginAsync(async: false, default));
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeginAsync(async: true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        End(async: false);
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync().ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => End(async: false);

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) => EndAsync().AsTask();

    /// <inheritdoc />
    public override void SaveChangesCanceled(DbContextEventData eventData) => End(async: false);

    /// <inheritdoc />
    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) => EndAsync().AsTask();

    private async ValueTask BeginAsync(bool async, CancellationToken cancellationToken)
    {
        var context = session.Context;
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var tables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                tables.UnionWith(session.Map.TablesOf(entry.Metadata));
            }
        }

        if (tables.Count == 0)
        {
            return;
        }

        session.Map.AddCascades(tables);
        var connection = context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        var ticket = await WriteTracker.BeginAsync(session, connection, transaction, tables, async, cancellationToken).ConfigureAwait(false);
        if (ticket is not null)
        {
            if (session.SaveChangesWrite is { } previous)
            {
                await WriteTracker.EndAsync(session.Cache, previous, async).ConfigureAwait(false);
            }

            session.SaveChangesWrite = ticket;
        }
    }

    private void End(bool async)
    {
        if (session.SaveChangesWrite is { } ticket)
        {
            session.SaveChangesWrite = null;
            WriteTracker.Wait(WriteTracker.EndAsync(session.Cache, ticket, async));
        }
    }

    private ValueTask EndAsync()
    {
        if (session.SaveChangesWrite is not { } ticket)
        {
            return ValueTask.CompletedTask;
        }

        session.SaveChangesWrite = null;
        return WriteTracker.EndAsync(session.Cache, ticket, async: true);
    }
}
