using EfReadCache.Migrations.Internal.Apply;

namespace EfReadCache.Migrations.Internal.Locking;

/// <summary>The migrator's lock and transaction: taken before introspection, released by commit or rollback.</summary>
internal interface IMigrationLock
{
    /// <param name="session">The connection.</param>
    /// <param name="forApply">Whether changes will be made (SQLite then takes the write lock and turns foreign keys off).</param>
    /// <param name="schema">The schema the lock is keyed by (PostgreSQL).</param>
    /// <param name="timeout">How long to wait for the lock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task BeginAsync(MigrationSession session, bool forApply, string? schema, TimeSpan timeout, CancellationToken cancellationToken);

    Task CommitAsync(MigrationSession session, CancellationToken cancellationToken);

    /// <summary>Rolls back if the transaction is still open, and restores connection settings. Never throws.</summary>
    Task EndAsync(MigrationSession session);
}
