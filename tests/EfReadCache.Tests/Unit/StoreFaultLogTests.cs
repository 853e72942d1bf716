using EfReadCache.Diagnostics.Internal;
using Microsoft.Extensions.Logging;

namespace EfReadCache.Tests.Unit;

public sealed class StoreFaultLogTests
{
    private sealed class ListLogger : ILogger
    {
        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Levels.Add(logLevel);
    }

    [Fact]
    public void An_outage_is_one_warning_then_debug_until_the_store_answers_again()
    {
        var log = new StoreFaultLog();
        var logger = new ListLogger();
        for (var i = 0; i < 3; i++)
        {
            log.Report(logger, new TimeoutException(), "lookup failed for {Key}", "k");
        }

        log.Succeeded(logger);
        log.Succeeded(logger);
        log.Report(logger, new TimeoutException(), "lookup failed for {Key}", "k");
        Assert.Equal([LogLevel.Warning, LogLevel.Debug, LogLevel.Debug, LogLevel.Information, LogLevel.Warning], logger.Levels);
    }
}
