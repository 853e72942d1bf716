using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Benchmarks.Harness;

/// <summary>Counts the SQL statements a piece of code sends, without touching the code.</summary>
public sealed class StatementCounter : IDisposable
{
    private readonly ActivityListener? _listener;
    private readonly SqliteConnection? _sqlite;
    private long _count;

    private StatementCounter(ActivityListener? listener, SqliteConnection? sqlite)
    {
        _listener = listener;
        _sqlite = sqlite;
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Every command of the process, from Npgsql's ActivitySource (connection activities are not counted).</summary>
    public static StatementCounter ForNpgsql()
    {
        StatementCounter? counter = null;
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.statement") is not null || activity.GetTagItem("db.query.text") is not null)
                {
                    Interlocked.Increment(ref counter!._count);
                }
            },
        };
        counter = new StatementCounter(listener, null);
        ActivitySource.AddActivityListener(listener);
        return counter;
    }

    /// <summary>Every statement the context's SQLite connection prepares and runs (sqlite3_trace), the connection kept open.</summary>
    public static StatementCounter ForSqlite(DbContext context)
    {
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        context.Database.OpenConnection();
        var counter = new StatementCounter(null, connection);
        SQLitePCL.raw.sqlite3_trace(connection.Handle, (SQLitePCL.strdelegate_trace)(static (state, _) => Interlocked.Increment(ref ((StatementCounter)state)._count)), counter);
        return counter;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        if (_sqlite?.Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_trace(handle, (SQLitePCL.strdelegate_trace?)null, null);
        }
    }
}
