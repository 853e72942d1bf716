using EfReadCache;
using EfReadCache.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

// ReSharper disable once CheckNamespace
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers EfReadCache in an application's service collection.</summary>
public static class ReadCacheServiceCollectionExtensions
{
    /// <summary>
    ///     Registers one <see cref="ReadCache" /> as a singleton. Use it in <c>AddDbContext((sp, o) =&gt;
    ///     o.UseSqlite(...).UseReadCache(sp.GetRequiredService&lt;ReadCache&gt;()))</c>, and inject it where you want
    ///     statistics, events or manual invalidation.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the cache.</param>
    /// <returns>The same service collection so that multiple calls can be chained.</returns>
    /// <exception cref="ReadCacheConfigurationException">An option is invalid (thrown here, at registration).</exception>
    public static IServiceCollection AddEfReadCache(this IServiceCollection services, Action<ReadCacheDbContextOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ReadCacheOptions();
        configure?.Invoke(new ReadCacheDbContextOptionsBuilder(options));
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new ReadCache(sp.GetRequiredService<ReadCacheOptions>(), sp.GetService<ILoggerFactory>()));
        return services;
    }
}
