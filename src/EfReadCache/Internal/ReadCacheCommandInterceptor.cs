using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Sees every command. A write marks its tables pending before it runs and releases them once it is visible; a
///     cacheable read is answered by <see cref="CachedQueryExecutor" />, which suppresses EF's execution with a reader
///     over a buffered result.
/// </remarks>
public sealed class ReadCacheCommandInterceptor(ReadCacheSession session) : DbCommandInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => WriteTracker.Wait(ReaderExecutingAsync(command, eventData, result, async: false, default));

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ReaderExecutingAsync(command, eventData, result, async: true, cancellationToken);

    /// <inheritdoc />
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Wait(BeginWriteIfAnyAsync(command, eventData, async: false, default));
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeginWriteIfAnyAsync(command, eventData, async: true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Wait(BeginWriteIfAnyAsync(command, eventData, async: false, default));
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await BeginWriteIfAnyAsync(command, eventData, async: true, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        EndWrite(eventData.CommandId, async: false);
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndWriteAsync(eventData.CommandId).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        EndWrite(eventData.CommandId, async: false);
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        await EndWriteAsync(eventData.CommandId).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        // A write that returns rows (INSERT ... RETURNING) is complete only once its reader is done.
        EndWrite(eventData.CommandId, async: false);
        return result;
    }

    /// <inheritdoc />
    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => EndWrite(eventData.CommandId, async: false);

    /// <inheritdoc />
    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        => EndWriteAsync(eventData.CommandId).AsTask();

    /// <inheritdoc />
    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => EndWrite(eventData.CommandId, async: false);

    /// <inheritdoc />
    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
        => EndWriteAsync(eventData.CommandId).AsTask();

    private async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, bool async, CancellationToken cancellationToken)
    {
        if (result.HasResult)
        {
            return result;
        }

        var plan = Plan(command);
        if (plan.IsWrite)
        {
            await BeginWriteAsync(command, eventData, plan, async, cancellationToken).ConfigureAwait(false);
            return result;
        }

        if (!IsQuerySource(eventData.CommandSource) || (!plan.Mark.Cacheable && !session.Cache.Options.CacheAllQueries))
        {
            return result;
        }

        var reader = await CachedQueryExecutor.ExecuteAsync(session, command, plan, async, cancellationToken).ConfigureAwait(false);
        return reader is null ? result : InterceptionResult<DbDataReader>.SuppressWithResult(reader);
    }

    private ValueTask BeginWriteIfAnyAsync(DbCommand command, CommandEventData eventData, bool async, CancellationToken cancellationToken)
    {
        var plan = Plan(command);
        return plan.IsWrite ? BeginWriteAsync(command, eventData, plan, async, cancellationToken) : ValueTask.CompletedTask;
    }

    private async ValueTask BeginWriteAsync(DbCommand command, CommandEventData eventData, CommandPlan plan, bool async, CancellationToken cancellationToken)
    {
        var ticket = await WriteTracker.BeginAsync(
            session, command.Connection!, command.Transaction, session.WrittenTables(plan), async, cancellationToken).ConfigureAwait(false);
        if (ticket is not null)
        {
            session.CommandWrites[eventData.CommandId] = ticket;
        }
    }

    // Reads end here too (DataReaderDisposing), so this is on the hit path: a context that never wrote has no write map to look in.
    private void EndWrite(Guid commandId, bool async)
    {
        if (session.TryTakeCommandWrite(commandId, out var ticket))
        {
            Wait(WriteTracker.EndAsync(session.Cache, ticket, async));
        }
    }

    private ValueTask EndWriteAsync(Guid commandId)
        => session.TryTakeCommandWrite(commandId, out var ticket)
            ? WriteTracker.EndAsync(session.Cache, ticket, async: true)
            : ValueTask.CompletedTask;

    // The plan cache answers by string reference first; the dialect comes from DatabaseIdentity's cache, so a new
    // context does not ask EF for its provider name (which reads the provider assembly's name every time).
    private CommandPlan Plan(DbCommand command)
        => session.Cache.Plans.Get(command.CommandText, DatabaseIdentity.Resolve(command.Connection!, session).Dialect);

    private static bool IsQuerySource(CommandSource source)
        => source is CommandSource.LinqQuery or CommandSource.FromSqlQuery or CommandSource.Unknown;

    private static void Wait(ValueTask task) => WriteTracker.Wait(task);
}
