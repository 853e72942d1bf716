using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EfReadCache.Tests.Sql;

/// <summary>Records the text of every command EF executes, and lets it run.</summary>
public sealed class RecordingCommandInterceptor : DbCommandInterceptor
{
    public List<string> Commands { get; } = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Commands.Add(command.CommandText);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Commands.Add(command.CommandText);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Commands.Add(command.CommandText);
        return result;
    }
}

/// <summary>Thrown by <see cref="OfflineCaptureInterceptor" /> with the command EF was about to send.</summary>
public sealed class CapturedCommandException(string commandText) : Exception("Captured: " + commandText)
{
    public string CommandText { get; } = commandText;
}

/// <summary>
///     Captures the first command EF would send without a server: connection opening is suppressed and the command is
///     stopped by an exception that carries its text. Lets the PostgreSQL provider show its real SQL for terminal
///     operators, ExecuteUpdate/ExecuteDelete and SaveChanges.
/// </summary>
public sealed class OfflineCaptureInterceptor : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        => new(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => InterceptionResult.Suppress();

    public InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => throw new CapturedCommandException(command.CommandText);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => throw new CapturedCommandException(command.CommandText);

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        => throw new CapturedCommandException(command.CommandText);

    /// <summary>Runs an EF operation and returns the text of the command it tried to send.</summary>
    public static string Capture(Action operation)
    {
        try
        {
            operation();
        }
        catch (Exception e)
        {
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                if (inner is CapturedCommandException captured)
                {
                    return captured.CommandText;
                }
            }

            throw;
        }

        throw new InvalidOperationException("The operation sent no command.");
    }
}

/// <summary>A SQLite database in a temporary file, created from <see cref="AnalyzerContext" />'s model and deleted on dispose.</summary>
public sealed class SqliteAnalyzerDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "efrc-sql-" + Guid.NewGuid().ToString("N") + ".db");

    public SqliteAnalyzerDatabase()
    {
        using var context = CreateContext();
        context.Database.EnsureCreated();
    }

    public RecordingCommandInterceptor Recorder { get; } = new();

    public AnalyzerContext CreateContext() => AnalyzerContext.Sqlite(_path + ";Pooling=False", Recorder);

    /// <summary>Runs an operation against a fresh database and returns the one command it executed.</summary>
    public static string CaptureSingle(Action<AnalyzerContext> operation)
    {
        using var database = new SqliteAnalyzerDatabase();
        using var db = database.CreateContext();
        database.Recorder.Commands.Clear();
        operation(db);
        return Assert.Single(database.Recorder.Commands);
    }

    public void Dispose()
    {
        // Pooling=False closes the file with each connection; a leftover temp file is not worth a failed test.
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
        }
    }
}
