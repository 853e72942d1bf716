using System.Data.Common;
using System.Diagnostics;
using EfReadCache.Diagnostics.Internal;
using EfReadCache.Storage;
using Microsoft.Extensions.Logging;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Marks tables pending before a write and releases them once the write is visible: after the command in
///     autocommit, after the commit (or rollback) inside a transaction, or when an ambient System.Transactions
///     transaction completes.
/// </remarks>
public static class WriteTracker
{
    /// <summary>Starts a write of some tables.</summary>
    /// <param name="session">The context's session.</param>
    /// <param name="connection">The connection the write uses.</param>
    /// <param name="transaction">The transaction it runs in, if any.</param>
    /// <param name="tables">Normalized table names.</param>
    /// <param name="async">Whether to run asynchronously.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ticket to end after the write, or <see langword="null" /> when a transaction will end it.</returns>
    public static async ValueTask<WriteTicket?> BeginAsync(
        ReadCacheSession session, DbConnection connection, DbTransaction? transaction, HashSet<string> tables, bool async, CancellationToken cancellationToken)
    {
        if (tables.Count == 0)
        {
            return null;
        }

        var cache = session.Cache;
        var database = DatabaseIdentity.Of(connection);
        TransactionWriteSet? owner = null;
        if (transaction is not null)
        {
            owner = cache.Transactions.GetOrAdd(transaction, database);
        }
        else if (System.Transactions.Transaction.Current is { } ambient)
        {
            var id = ambient.TransactionInformation.LocalIdentifier + "|" + database;
            owner = cache.Transactions.GetOrAddAmbient(id, database, out var created);
            if (created)
            {
                ambient.TransactionCompleted += (_, _) => _ = EndAllAsync(cache, cache.Transactions.RemoveAmbient(id));
            }
        }

        if (owner is null)
        {
            return await BeginCoreAsync(cache, new TableSet(database, tables), async, cancellationToken).ConfigureAwait(false);
        }

        if (owner.AddTables(tables) is { } added)
        {
            var ticket = await BeginCoreAsync(cache, added, async, cancellationToken).ConfigureAwait(false);
            if (!owner.AddTicket(ticket))
            {
                await EndAsync(cache, ticket, async).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>Ends a write: replaces the tokens again and releases the pending mark.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="ticket">The ticket.</param>
    /// <param name="async">Whether to run asynchronously.</param>
    /// <returns>A task that completes when the tokens are replaced.</returns>
    public static async ValueTask EndAsync(ReadCache cache, WriteTicket ticket, bool async)
    {
        try
        {
            if (async)
            {
                await cache.Store.EndWriteAsync(ticket).ConfigureAwait(false);
            }
            else
            {
                if (cache.SyncStore is { } sync)
                {
                    sync.EndWrite(ticket);
                }
                else
                {
                    Wait(cache.Store.EndWriteAsync(ticket));
                }
            }
        }
        catch (Exception exception)
        {
            // The pending mark's lease still bounds how long the tables bypass the cache.
            cache.Logger.LogWarning(exception, "EfReadCache could not release the pending mark on {Tables}; it lapses with its lease.", ticket.Tables);
        }
    }

    /// <summary>Ends every write a transaction holds.</summary>
    /// <param name="cache">The cache.</param>
    /// <param name="set">The transaction's write set, if it had one.</param>
    /// <param name="async">Whether to run asynchronously.</param>
    /// <returns>A task that completes when all are released.</returns>
    public static async Task EndAllAsync(ReadCache cache, TransactionWriteSet? set, bool async = true)
    {
        if (set is null)
        {
            return;
        }

        foreach (var ticket in set.Complete())
        {
            await EndAsync(cache, ticket, async).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a store call on a synchronous path.</summary>
    /// <param name="task">The call.</param>
    public static void Wait(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        task.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Waits for a store call on a synchronous path.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The call.</param>
    /// <returns>Its result.</returns>
    public static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private static async ValueTask<WriteTicket> BeginCoreAsync(ReadCache cache, TableSet tables, bool async, CancellationToken cancellationToken)
    {
        using var activity = ReadCacheActivities.StartInvalidate(tables);
        var start = Stopwatch.GetTimestamp();
        var lease = cache.Options.PendingWriteLease;
        var ticket = async
            ? await cache.Store.BeginWriteAsync(tables, lease, cancellationToken).ConfigureAwait(false)
            : cache.SyncStore?.BeginWrite(tables, lease) ?? Wait(cache.Store.BeginWriteAsync(tables, lease, cancellationToken));
        cache.Insights.Invalidated(cache, tables.Tables, Stopwatch.GetElapsedTime(start));
        return ticket;
    }
}
