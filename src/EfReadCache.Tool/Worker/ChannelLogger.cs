using Microsoft.Extensions.Logging;

namespace EfReadCache.Tool.Worker;

/// <summary>The migrator's logger under <c>--verbose</c>: every message goes to the command line's verbose output.</summary>
internal sealed class ChannelLogger(WorkerChannel channel) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            channel.Log($"{logLevel}: {formatter(state, exception)}" + (exception is null ? "" : Environment.NewLine + exception));
        }
    }
}
