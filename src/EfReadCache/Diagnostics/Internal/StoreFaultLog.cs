using Microsoft.Extensions.Logging;

namespace EfReadCache.Diagnostics.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Logs a store outage once as a warning, not once per query: while the store keeps failing, further failures go
///     to Debug (the bypass counters still count each one), and the first success after an outage is logged.
/// </remarks>
public sealed class StoreFaultLog
{
    private int _faulted;

    /// <summary>Logs a store failure.</summary>
    /// <param name="logger">Where to log.</param>
    /// <param name="exception">The failure.</param>
    /// <param name="message">The message template, with one placeholder for the key id.</param>
    /// <param name="keyId">The key id.</param>
    public void Report(ILogger logger, Exception exception, string message, string keyId)
    {
        if (Interlocked.Exchange(ref _faulted, 1) == 0)
        {
            logger.LogWarning(exception, message + " Further store failures are logged at Debug until the store answers again.", keyId);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug(exception, message, keyId);
        }
    }

    /// <summary>Notes a successful store call; logs the recovery if the store had failed.</summary>
    /// <param name="logger">Where to log.</param>
    public void Succeeded(ILogger logger)
    {
        if (Volatile.Read(ref _faulted) != 0 && Interlocked.Exchange(ref _faulted, 0) != 0)
        {
            logger.LogInformation("EfReadCache's store answers again; caching resumed.");
        }
    }
}
