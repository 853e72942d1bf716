using System.Data;
using System.Data.Common;
using System.Diagnostics;
using EfReadCache.Diagnostics;
using EfReadCache.Diagnostics.Internal;
using EfReadCache.Internal.Replay;
using EfReadCache.Internal.Sql;
using EfReadCache.Storage;
using Microsoft.Extensions.Logging;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     The read path: build the key, check the transaction rules, look up, replay a hit, or run the query once per
///     (key, token snapshot), buffer it and store it by compare-and-set.
/// </remarks>
public static class CachedQueryExecutor
{
    /// <summary>Answers a cacheable query, or returns <see langword="null" /> to let EF run it untouched.</summary>
    /// <param name="session">The context's session.</param>
    /// <param name="command">The command EF is about to run.</param>
    /// <param name="plan">The command's plan.</param>
    /// <param name="async">Whether to run asynchronously.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>A reader over a buffered result, or <see langword="null" /> to bypass.</returns>
    public static async ValueTask<DbDataReader?> ExecuteAsync(
        ReadCacheSession session, DbCommand command, CommandPlan plan, bool async, CancellationToken cancellationToken)
    {
        var cache = session.Cache;
        var connection = command.Connection!;
        var database = DatabaseIdentity.Of(connection);
        var tables = plan.ReadSet(database, session.Map);
        if (tables is null)
        {
            cache.Insights.Bypassed(cache, null, plan.ReadNames, ReadCacheBypassReason.UnknownDependencies);
            return null;
        }

        if (!IsPolicyMatch(cache.Options, plan, tables))
        {
            return null;
        }

        if (TransactionBypass(cache, plan.Dialect, command.Transaction, database, tables) is { } transactionReason)
        {
            cache.Insights.Bypassed(cache, null, tables.Tables, transactionReason);
            return null;
        }

        var start = Stopwatch.GetTimestamp();
        var key = BuildKey(cache.Options.KeyPrefix, command, plan, database);
        var lookup = await LookupAsync(cache, key, tables, async, cancellationToken).ConfigureAwait(false);
        if (lookup is null)
        {
            return null;
        }

        var result = lookup.Value;
        if (result.IsPending && cache.Transactions.RemoveCompleted() is { Count: > 0 } completed)
        {
            // A transaction EF did not see end (committed directly on the DbTransaction) held the mark.
            foreach (var set in completed)
            {
                await WriteTracker.EndAllAsync(cache, set, async).ConfigureAwait(false);
            }

            result = await LookupAsync(cache, key, tables, async, cancellationToken).ConfigureAwait(false) ?? result;
        }

        if (result.Entry is { Payload: BufferedResult hit } entry)
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            cache.Insights.Hit(cache, key, entry.Tables, elapsed, hit.TotalRows, hit.ExecutionTime - elapsed);
            return new BufferedDataReader(hit);
        }

        if (result.IsPending || result.Snapshot is null)
        {
            cache.Insights.Bypassed(cache, key, tables.Tables, ReadCacheBypassReason.PendingWrite);
            return null;
        }

        var ttl = plan.Mark.TimeToLive ?? cache.Options.DefaultExpiration;
        return await RunOnceAsync(cache, session, command, key, tables, result.Snapshot, ttl, async, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<DbDataReader> RunOnceAsync(
        ReadCache cache, ReadCacheSession session, DbCommand command, CacheKey key, TableSet tables, long[] snapshot, TimeSpan ttl,
        bool async, CancellationToken cancellationToken)
    {
        var flightKey = new FlightKey(key, snapshot);
        while (true)
        {
            var flight = cache.Flights.Join(flightKey, out var isLeader);
            if (!isLeader)
            {
                cache.Insights.Coalesced();
                var outcome = async
                    ? await flight.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
                    : flight.Completion.Task.GetAwaiter().GetResult();
                if (outcome.LeaderCanceled)
                {
                    continue;
                }

                return new BufferedDataReader(outcome.Result!);
            }

            using var activity = ReadCacheActivities.StartMiss(key, tables);
            BufferedResult buffered;
            var start = Stopwatch.GetTimestamp();
            try
            {
                if (cache.TestHooks?.BeforeQuery is { } beforeQuery)
                {
                    await beforeQuery(key, cancellationToken).ConfigureAwait(false);
                }

                buffered = async
                    ? await ResultBufferer.BufferAsync(await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false), start, cancellationToken)
                        .ConfigureAwait(false)
                    : ResultBufferer.Buffer(command.ExecuteReader(), start);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cache.Flights.Abandon(flight);
                throw;
            }
            catch (Exception exception)
            {
                cache.Flights.Fail(flight, exception);
                throw;
            }

            // Stored before the flight lands, so a caller that arrives just after finds the entry, not an empty sky.
            cache.Insights.Miss(cache, key, tables, buffered.ExecutionTime, buffered.TotalRows);
            if (cache.TestHooks?.BeforeStore is { } beforeStore)
            {
                await beforeStore(key).ConfigureAwait(false);
            }

            await StoreAsync(cache, session, key, tables, snapshot, ttl, buffered, async).ConfigureAwait(false);
            cache.Flights.Complete(flight, buffered);
            return new BufferedDataReader(buffered);
        }
    }

    private static async ValueTask StoreAsync(
        ReadCache cache, ReadCacheSession session, CacheKey key, TableSet tables, long[] snapshot, TimeSpan ttl, BufferedResult result, bool async)
    {
        if (result.TotalRows > cache.Options.MaxRowsPerResult)
        {
            cache.Insights.Bypassed(cache, key, tables.Tables, ReadCacheBypassReason.TooManyRows);
            return;
        }

        var start = Stopwatch.GetTimestamp();
        var entry = new CacheEntry(result, tables, snapshot, ttl, cache.Options.SlidingExpiration, result.SizeBytes);
        try
        {
            var stored = async
                ? await cache.Store.TryStoreAsync(key, entry).ConfigureAwait(false)
                : cache.SyncStore?.TryStore(key, entry) ?? WriteTracker.Wait(cache.Store.TryStoreAsync(key, entry));
            if (stored)
            {
                cache.Insights.Stored(cache, key, tables, Stopwatch.GetElapsedTime(start), result.TotalRows);
            }
        }
        catch (Exception exception)
        {
            cache.StoreFaults.Report(session.Logger, exception, "EfReadCache could not store entry {Key}; the result was returned uncached.", key.Id);
            cache.Insights.Bypassed(cache, key, tables.Tables, ReadCacheBypassReason.StoreUnavailable);
        }
    }

    private static async ValueTask<StoreLookup?> LookupAsync(ReadCache cache, CacheKey key, TableSet tables, bool async, CancellationToken cancellationToken)
    {
        try
        {
            var lookup = async
                ? await cache.Store.LookupAsync(key, tables, cancellationToken).ConfigureAwait(false)
                : cache.SyncStore?.Lookup(key, tables) ?? WriteTracker.Wait(cache.Store.LookupAsync(key, tables, cancellationToken));
            cache.StoreFaults.Succeeded(cache.Logger);
            return lookup;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            cache.StoreFaults.Report(cache.Logger, exception, "EfReadCache lookup failed for {Key}; the database answered instead.", key.Id);
            cache.Insights.Bypassed(cache, key, tables.Tables, ReadCacheBypassReason.StoreUnavailable);
            return null;
        }
    }

    private static bool IsPolicyMatch(ReadCacheOptions options, CommandPlan plan, TableSet tables)
    {
        if (plan.Mark.NotCacheable)
        {
            return false;
        }

        if (plan.Mark.Cacheable)
        {
            return true;
        }

        if (!options.CacheAllQueries)
        {
            return false;
        }

        foreach (var table in tables.Tables)
        {
            if (table != ReadCache.AllTables && !options.IsCachedByPolicy(table))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadCacheBypassReason? TransactionBypass(
        ReadCache cache, SqlDialect dialect, DbTransaction? transaction, string database, TableSet tables)
    {
        if (transaction is not null)
        {
            if (cache.Transactions.TryGet(transaction, out var set) && set.Overlaps(tables))
            {
                return ReadCacheBypassReason.TransactionWroteTable;
            }

            if (!cache.Options.CacheInSnapshotTransactions
                && (dialect == SqlDialect.Sqlite || transaction.IsolationLevel is IsolationLevel.RepeatableRead or IsolationLevel.Serializable or IsolationLevel.Snapshot))
            {
                return ReadCacheBypassReason.SnapshotTransaction;
            }

            return null;
        }

        if (System.Transactions.Transaction.Current is { } ambient)
        {
            var id = ambient.TransactionInformation.LocalIdentifier + "|" + database;
            if (cache.Transactions.TryGetAmbient(id, out var set) && set.Overlaps(tables))
            {
                return ReadCacheBypassReason.TransactionWroteTable;
            }

            if (!cache.Options.CacheInSnapshotTransactions
                && (dialect == SqlDialect.Sqlite
                    || ambient.IsolationLevel is System.Transactions.IsolationLevel.RepeatableRead or System.Transactions.IsolationLevel.Serializable
                        or System.Transactions.IsolationLevel.Snapshot))
            {
                return ReadCacheBypassReason.SnapshotTransaction;
            }
        }

        return null;
    }

    private static CacheKey BuildKey(string prefix, DbCommand command, CommandPlan plan, string database)
    {
        var parameters = command.Parameters;
        var values = parameters.Count == 0 ? [] : new CacheKeyParameter[parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = parameters[i];
            values[i] = new CacheKeyParameter(parameter.ParameterName, parameter.DbType, parameter.Value);
        }

        return new CacheKey(prefix, plan.ProviderName, database, plan.CommandText, values, CommandBehavior.Default, plan.TextHash);
    }
}
