using System.Data.Common;
using EfReadCache.Migrations.Internal.Apply;

namespace EfReadCache.Migrations.Internal.Locking;

/// <summary>
///     PostgreSQL: one transaction holding a transaction-level advisory lock keyed by database and schema. A second
///     migrator waits (up to the lock timeout, which also bounds waits for table locks) and then sees the first one's result.
/// </summary>
internal sealed class PostgresMigrationLock : IMigrationLock
{
    public async Task BeginAsync(MigrationSession session, bool forApply, string? schema, TimeSpan timeout, CancellationToken cancellationToken)
    {
        session.Transaction = await session.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var milliseconds = Math.Max(1, (long)timeout.TotalMilliseconds);
        await session.ExecuteAsync($"SET LOCAL lock_timeout = '{milliseconds}ms'", cancellationToken).ConfigureAwait(false);
        if (schema is not null)
        {
            // The model names its schema: unqualified names in the plan's SQL resolve there first.
            await session.ExecuteAsync(
                $"SELECT set_config('search_path', {Sql.Literal(Sql.Quote(schema))} || ', ' || current_setting('search_path'), true)",
                cancellationToken).ConfigureAwait(false);
        }

        var key = schema is null ? "current_schema()" : Sql.Literal(schema);
        try
        {
            await session.ExecuteAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended('efreadcache:migrations:' || current_database() || ':' || {key}, 0))",
                cancellationToken,
                Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds) + 5)).ConfigureAwait(false);
        }
        catch (DbException exception) when (exception.SqlState == "55P03")
        {
            throw new SchemaMigrationException(
                $"Could not take the migration lock within {timeout.TotalSeconds:0.#} s: another migration of this database is running.",
                innerException: exception);
        }
    }

    public async Task CommitAsync(MigrationSession session, CancellationToken cancellationToken)
    {
        await session.Transaction!.CommitAsync(cancellationToken).ConfigureAwait(false);
        await session.Transaction.DisposeAsync().ConfigureAwait(false);
        session.Transaction = null;
    }

    public async Task EndAsync(MigrationSession session)
    {
        if (session.Transaction is { } transaction)
        {
            session.Transaction = null;
            try
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Already rolled back by the server (e.g. the connection broke).
            }
            catch (InvalidOperationException)
            {
                // Already completed.
            }

            await transaction.DisposeAsync().ConfigureAwait(false);
        }
    }
}
