using EfReadCache.Diagnostics.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EfReadCache.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     The extension carries the cache instance by reference. Its service-provider hash is a constant so that contexts
///     with different caches still share EF's internal service provider: the interceptors find their cache through
///     <see cref="IDbContextOptions" /> at run time.
/// </remarks>
public sealed class ReadCacheOptionsExtension : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    /// <summary>Creates an extension bound to a cache.</summary>
    /// <param name="cache">The cache instance.</param>
    public ReadCacheOptionsExtension(ReadCache cache) => Cache = cache;

    /// <summary>The cache the context uses.</summary>
    public ReadCache Cache { get; }

    /// <inheritdoc />
    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    /// <inheritdoc />
    public void ApplyServices(IServiceCollection services)
    {
        var builder = new EntityFrameworkRelationalServicesBuilder(services);
        builder.TryAdd<IInterceptor, ReadCacheCommandInterceptor>();
        builder.TryAdd<IInterceptor, ReadCacheSaveChangesInterceptor>();
        builder.TryAdd<IInterceptor, ReadCacheTransactionInterceptor>();
        services.AddScoped<ReadCacheSession>();
    }

    /// <inheritdoc />
    public void Validate(IDbContextOptions options)
    {
        if (options.Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault() is null)
        {
            throw new ReadCacheConfigurationException(
                "UseReadCache() needs a relational provider. Call UseSqlite(...) or UseNpgsql(...) on the same options builder.");
        }
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new ReadCacheOptionsExtension Extension => (ReadCacheOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "using EfReadCache ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
            => debugInfo["EfReadCache:KeyPrefix"] = Extension.Cache.Options.KeyPrefix;
    }
}
