using System.Collections.Concurrent;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Runs concurrent identical work once. The first caller of a key leads; the others wait for its outcome. A flight
///     is keyed by the cache key and the token snapshot, so a caller that arrives after a write committed never joins a
///     flight that began before it. A failure reaches every waiter; a leader's cancellation tells them to try again.
/// </remarks>
/// <typeparam name="TKey">The flight key.</typeparam>
/// <typeparam name="TResult">The shared result.</typeparam>
public sealed class SingleFlight<TKey, TResult>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Flight> _flights = new();

    /// <summary>The number of flights in the air (tests).</summary>
    public int Count => _flights.Count;

    /// <summary>Joins the flight for a key, starting it if there is none.</summary>
    /// <param name="key">The key.</param>
    /// <param name="isLeader">Whether this caller started the flight and must complete it.</param>
    /// <returns>The flight.</returns>
    public Flight Join(TKey key, out bool isLeader)
    {
        var created = new Flight(key);
        var flight = _flights.GetOrAdd(key, created);
        isLeader = ReferenceEquals(flight, created);
        return flight;
    }

    /// <summary>Lands a flight with its result.</summary>
    /// <param name="flight">The flight.</param>
    /// <param name="result">The result every waiter gets.</param>
    public void Complete(Flight flight, TResult result)
    {
        _flights.TryRemove(new KeyValuePair<TKey, Flight>(flight.Key, flight));
        flight.Completion.TrySetResult(new FlightOutcome(result, false));
    }

    /// <summary>Lands a flight with a failure every waiter sees.</summary>
    /// <param name="flight">The flight.</param>
    /// <param name="exception">The failure.</param>
    public void Fail(Flight flight, Exception exception)
    {
        _flights.TryRemove(new KeyValuePair<TKey, Flight>(flight.Key, flight));
        flight.Completion.TrySetException(exception);
    }

    /// <summary>Lands a flight whose leader was cancelled: waiters start over.</summary>
    /// <param name="flight">The flight.</param>
    public void Abandon(Flight flight)
    {
        _flights.TryRemove(new KeyValuePair<TKey, Flight>(flight.Key, flight));
        flight.Completion.TrySetResult(new FlightOutcome(default, true));
    }

    /// <summary>One flight.</summary>
    /// <param name="key">Its key.</param>
    public sealed class Flight(TKey key)
    {
        /// <summary>The key.</summary>
        public TKey Key { get; } = key;

        /// <summary>Completes when the leader lands the flight.</summary>
        public TaskCompletionSource<FlightOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>What a waiter gets.</summary>
    /// <param name="Result">The shared result.</param>
    /// <param name="LeaderCanceled">The leader was cancelled; try again.</param>
    public readonly record struct FlightOutcome(TResult? Result, bool LeaderCanceled);
}
