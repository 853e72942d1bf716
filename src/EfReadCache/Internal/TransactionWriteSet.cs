using EfReadCache.Storage;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     The tables one transaction has written, and the pending marks it holds on them until it commits or rolls back.
///     Contexts that share a transaction share its set.
/// </remarks>
public sealed class TransactionWriteSet
{
    private readonly HashSet<string> _tables = new(StringComparer.Ordinal);
    private readonly List<WriteTicket> _tickets = [];
    private bool _completed;

    /// <summary>Creates the set.</summary>
    /// <param name="database">The database identity the transaction works on.</param>
    public TransactionWriteSet(string database) => Database = database;

    /// <summary>The database identity.</summary>
    public string Database { get; }

    /// <summary>Whether the transaction wrote any of these tables (or wrote tables it could not name).</summary>
    /// <param name="tables">A query's tables.</param>
    /// <returns><see langword="true" /> if the query must bypass the cache.</returns>
    public bool Overlaps(TableSet tables)
    {
        lock (_tables)
        {
            if (_tables.Count == 0)
            {
                return false;
            }

            if (_tables.Contains(ReadCache.AllTables))
            {
                return true;
            }

            foreach (var table in tables.Tables)
            {
                if (_tables.Contains(table))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Adds written tables; returns the ones not written before in this transaction.</summary>
    /// <param name="tables">Normalized table names.</param>
    /// <returns>The new tables, or <see langword="null" /> if none are new or the transaction has completed.</returns>
    public TableSet? AddTables(IEnumerable<string> tables)
    {
        lock (_tables)
        {
            if (_completed)
            {
                return null;
            }

            var added = tables.Where(_tables.Add).ToList();
            return added.Count == 0 ? null : new TableSet(Database, added);
        }
    }

    /// <summary>Keeps a pending mark to release when the transaction ends.</summary>
    /// <param name="ticket">The mark.</param>
    /// <returns><see langword="false" /> if the transaction already ended (release the mark now).</returns>
    public bool AddTicket(WriteTicket ticket)
    {
        lock (_tables)
        {
            if (_completed)
            {
                return false;
            }

            _tickets.Add(ticket);
            return true;
        }
    }

    /// <summary>Ends the transaction: returns the marks to release; later calls return none.</summary>
    /// <returns>The marks.</returns>
    public IReadOnlyList<WriteTicket> Complete()
    {
        lock (_tables)
        {
            _completed = true;
            var tickets = _tickets.ToArray();
            _tickets.Clear();
            return tickets;
        }
    }
}
