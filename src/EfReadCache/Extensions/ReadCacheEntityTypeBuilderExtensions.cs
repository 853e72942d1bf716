using EfReadCache.Internal;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Model configuration for EfReadCache.</summary>
public static class ReadCacheEntityTypeBuilderExtensions
{
    /// <summary>
    ///     Declares the tables an entity mapped to a view (<c>ToView</c>) or a function reads, so that cached queries over
    ///     it are evicted when any of them changes. Without it such queries bypass the cache.
    /// </summary>
    /// <param name="builder">The entity type builder.</param>
    /// <param name="tables">The tables the view reads; schema and case are ignored.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static EntityTypeBuilder HasCacheDependencies(this EntityTypeBuilder builder, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (tables is null || tables.Length == 0 || tables.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("HasCacheDependencies needs at least one table name, none empty.", nameof(tables));
        }

        builder.HasAnnotation(ModelTableMap.DependenciesAnnotation, string.Join(",", tables));
        return builder;
    }

    /// <summary>
    ///     Declares the tables an entity mapped to a view or a function reads. See
    ///     <see cref="HasCacheDependencies(EntityTypeBuilder, string[])" />.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="builder">The entity type builder.</param>
    /// <param name="tables">The tables the view reads.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static EntityTypeBuilder<TEntity> HasCacheDependencies<TEntity>(this EntityTypeBuilder<TEntity> builder, params string[] tables)
        where TEntity : class
    {
        HasCacheDependencies((EntityTypeBuilder)builder, tables);
        return builder;
    }
}
