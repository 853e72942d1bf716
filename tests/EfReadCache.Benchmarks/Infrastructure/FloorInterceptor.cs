using System.Data.Common;
using System.Diagnostics;
using EfReadCache.Internal.Replay;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EfReadCache.Benchmarks.Infrastructure;

/// <summary>
///     The floor: suppresses every command with a reader over a result buffered beforehand. No key, no lookup, no
///     token check: the commands of one operation are answered in the order they were recorded. What is left is EF's own
///     cost (context, query pipeline, command creation, materialization) plus the replay reader, the best any
///     command-level cache can do.
/// </summary>
public sealed class FloorInterceptor : DbCommandInterceptor
{
    private readonly List<BufferedResult> _results = [];
    private bool _recording = true;
    private int _next;

    /// <summary>The results recorded for one operation, in command order.</summary>
    public int Commands => _results.Count;

    /// <summary>Stops recording: from now on every command is answered from the recorded buffers.</summary>
    public void Replay()
    {
        if (_results.Count == 0)
        {
            throw new InvalidOperationException("The floor recorded no command.");
        }

        _recording = false;
        _next = 0;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (_recording)
        {
            var buffered = ResultBufferer.Buffer(command.ExecuteReader(), Stopwatch.GetTimestamp());
            _results.Add(buffered);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new BufferedDataReader(buffered));
        }

        return InterceptionResult<DbDataReader>.SuppressWithResult(new BufferedDataReader(NextResult()));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => new(ReaderExecuting(command, eventData, result));

    private BufferedResult NextResult()
    {
        var index = _next;
        _next = index + 1 == _results.Count ? 0 : index + 1;
        return _results[index];
    }
}
