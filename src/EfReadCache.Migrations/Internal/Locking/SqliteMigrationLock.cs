using System.Data.Common;
using EfReadCache.Migrations.Internal.Apply;

namespace EfReadCache.Migrations.Internal.Locking;

/// <summary>
///     SQLite: <c>BEGIN IMMEDIATE</c> takes the database's write lock, so a second migrator waits (up to the lock timeout)
///     and then sees the first one's result. <c>PRAGMA foreign_keys=OFF</c> is set outside the transaction, as SQLite
///     ignores it inside one, and restored at the end.
/// </summary>
internal sealed class SqliteMigrationLock : IMigrationLock
{
    private bool _restoreForeignKeys;
    private bool _open;

    public async Task BeginAsync(MigrationSession session, bool forApply, string? schema, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (forApply && await session.ScalarLongAsync("PRAGMA foreign_keys", cancellationToken).ConfigureAwait(false) == 1)
        {
            await session.ExecuteAsync("PRAGMA foreign_keys = OFF", cancellationToken).ConfigureAwait(false);
            _restoreForeignKeys = true;
        }

        try
        {
            await session.ExecuteAsync(forApply ? "BEGIN IMMEDIATE" : "BEGIN", cancellationToken, Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)))
                .ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            throw new SchemaMigrationException(
                $"Could not take the SQLite write lock (BEGIN IMMEDIATE) within {timeout.TotalSeconds:0.#} s: another connection is writing. ({exception.Message})",
                innerException: exception);
        }

        _open = true;
    }

    public async Task CommitAsync(MigrationSession session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("COMMIT", cancellationToken).ConfigureAwait(false);
        _open = false;
    }

    public async Task EndAsync(MigrationSession session)
    {
        if (_open)
        {
            _open = false;
            await TryAsync(session, "ROLLBACK").ConfigureAwait(false);
        }

        if (_restoreForeignKeys)
        {
            _restoreForeignKeys = false;
            await TryAsync(session, "PRAGMA foreign_keys = ON").ConfigureAwait(false);
        }
    }

    private static async Task TryAsync(MigrationSession session, string sql)
    {
        try
        {
            await session.ExecuteAsync(sql, CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The connection is unusable or the transaction is already gone; nothing more to undo.
        }
    }
}
