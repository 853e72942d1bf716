using EfReadCache.Migrations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Model-building extensions for the schema migrator.</summary>
public static class SchemaMigrationPropertyBuilderExtensions
{
    /// <summary>
    ///     Declares that the property's column used to be called <paramref name="oldColumnName" />. When the live table has
    ///     <paramref name="oldColumnName" /> and not the new name, the schema migrator renames the column (keeping its
    ///     data) instead of dropping it and adding a new one. Without this annotation a changed name is a drop plus an add,
    ///     and the drop is blocked unless data loss is allowed.
    /// </summary>
    /// <param name="propertyBuilder">The property's builder.</param>
    /// <param name="oldColumnName">The column's previous name in the database.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static PropertyBuilder HasColumnRenamedFrom(this PropertyBuilder propertyBuilder, string oldColumnName)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(oldColumnName);
        propertyBuilder.HasAnnotation(SchemaMigrationAnnotationNames.RenamedFrom, oldColumnName);
        return propertyBuilder;
    }

    /// <summary>
    ///     Declares that the property's column used to be called <paramref name="oldColumnName" />; see
    ///     <see cref="HasColumnRenamedFrom(PropertyBuilder, string)" />.
    /// </summary>
    /// <typeparam name="TProperty">The property's type.</typeparam>
    /// <param name="propertyBuilder">The property's builder.</param>
    /// <param name="oldColumnName">The column's previous name in the database.</param>
    /// <returns>The same builder instance so that multiple calls can be chained.</returns>
    public static PropertyBuilder<TProperty> HasColumnRenamedFrom<TProperty>(this PropertyBuilder<TProperty> propertyBuilder, string oldColumnName)
        => (PropertyBuilder<TProperty>)HasColumnRenamedFrom((PropertyBuilder)propertyBuilder, oldColumnName);
}
