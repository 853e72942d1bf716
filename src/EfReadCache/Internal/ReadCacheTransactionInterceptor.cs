using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Releases the writes of a transaction when it ends. The tokens are replaced again after a commit, so entries
///     read before it are never served; after a rollback they are replaced too, which costs at most a miss.
///     Savepoints change nothing: what a transaction wrote stays pending until the transaction itself ends.
/// </remarks>
public sealed class ReadCacheTransactionInterceptor(ReadCacheSession session) : DbTransactionInterceptor
{
    /// <inheritdoc />
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction, async: false);

    /// <inheritdoc />
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        => EndAsync(transaction);

    /// <inheritdoc />
    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction, async: false);

    /// <inheritdoc />
    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        => EndAsync(transaction);

    /// <inheritdoc />
    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback")
        {
            End(transaction, async: false);
        }
    }

    /// <inheritdoc />
    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        => eventData.Action is "Commit" or "Rollback" ? EndAsync(transaction) : Task.CompletedTask;

    private void End(DbTransaction transaction, bool async)
        => WriteTracker.EndAllAsync(session.Cache, session.Cache.Transactions.Remove(transaction), async).GetAwaiter().GetResult();

    private Task EndAsync(DbTransaction transaction) => WriteTracker.EndAllAsync(session.Cache, session.Cache.Transactions.Remove(transaction));
}
