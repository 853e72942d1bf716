using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Finds the write set of a transaction. A <see cref="DbTransaction" /> is keyed by the object itself (not by a
///     context), so contexts that share a transaction share its state; an ambient System.Transactions transaction is
///     keyed by its local identifier.
/// </remarks>
public sealed class TransactionRegistry
{
    private readonly ConditionalWeakTable<DbTransaction, TransactionWriteSet> _transactions = new();
    private readonly ConcurrentDictionary<DbTransaction, TransactionWriteSet> _open = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, TransactionWriteSet> _ambient = new(StringComparer.Ordinal);

    /// <summary>The write set of a transaction, if it has written anything.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="set">Its set.</param>
    /// <returns>Whether there is one.</returns>
    public bool TryGet(DbTransaction transaction, out TransactionWriteSet set) => _transactions.TryGetValue(transaction, out set!);

    /// <summary>The write set of a transaction, created on first write.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="database">Its database identity.</param>
    /// <returns>The set.</returns>
    public TransactionWriteSet GetOrAdd(DbTransaction transaction, string database)
    {
        var set = _transactions.GetValue(transaction, _ => new TransactionWriteSet(database));
        _open.TryAdd(transaction, set);
        return set;
    }

    /// <summary>Removes a transaction that ended.</summary>
    /// <param name="transaction">The transaction.</param>
    /// <returns>Its set, if it had one.</returns>
    public TransactionWriteSet? Remove(DbTransaction transaction)
    {
        _open.TryRemove(transaction, out _);
        return _transactions.TryGetValue(transaction, out var set) && _transactions.Remove(transaction) ? set : null;
    }

    /// <summary>
    ///     Removes transactions that completed without EF seeing it (an external <see cref="DbTransaction" /> committed
    ///     directly): a completed ADO.NET transaction no longer has a connection.
    /// </summary>
    /// <returns>The sets of the transactions found completed.</returns>
    public List<TransactionWriteSet> RemoveCompleted()
    {
        List<TransactionWriteSet>? completed = null;
        foreach (var (transaction, _) in _open)
        {
            bool done;
            try
            {
                done = transaction.Connection is null;
            }
            catch (ObjectDisposedException)
            {
                done = true;
            }

            if (done && Remove(transaction) is { } set)
            {
                (completed ??= []).Add(set);
            }
        }

        return completed ?? [];
    }

    /// <summary>The write set of an ambient transaction, if it has written anything.</summary>
    /// <param name="id">The transaction's local identifier and the database identity.</param>
    /// <param name="set">Its set.</param>
    /// <returns>Whether there is one.</returns>
    public bool TryGetAmbient(string id, out TransactionWriteSet set) => _ambient.TryGetValue(id, out set!);

    /// <summary>The write set of an ambient transaction, created on first write.</summary>
    /// <param name="id">The transaction's local identifier.</param>
    /// <param name="database">The database identity.</param>
    /// <param name="created">Whether the set was created by this call (subscribe to completion once).</param>
    /// <returns>The set.</returns>
    public TransactionWriteSet GetOrAddAmbient(string id, string database, out bool created)
    {
        var fresh = new TransactionWriteSet(database);
        var set = _ambient.GetOrAdd(id, fresh);
        created = ReferenceEquals(set, fresh);
        return set;
    }

    /// <summary>Removes an ambient transaction that ended.</summary>
    /// <param name="id">Its local identifier.</param>
    /// <returns>Its set, if it had one.</returns>
    public TransactionWriteSet? RemoveAmbient(string id) => _ambient.TryRemove(id, out var set) ? set : null;
}
