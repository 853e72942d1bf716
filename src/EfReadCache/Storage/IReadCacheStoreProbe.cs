namespace EfReadCache.Storage;

/// <summary>
///     Implemented by store factories whose store lives elsewhere (such as Redis), so that tools like
///     <c>dotnet readcache doctor</c> can check it is reachable before the application runs.
/// </summary>
public interface IReadCacheStoreProbe
{
    /// <summary>Connects to the store and runs a trivial command.</summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>A task that fails with an exception explaining what is wrong, or completes when the store answered.</returns>
    Task ProbeAsync(CancellationToken cancellationToken = default);
}
