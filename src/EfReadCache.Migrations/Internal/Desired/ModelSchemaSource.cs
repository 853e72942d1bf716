using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EfReadCache.Migrations.Internal.Desired;

/// <summary>What the EF model says: its create script (rendered by the provider's own generator) and its rename annotations.</summary>
internal sealed class ModelSchemaSource
{
    private ModelSchemaSource(
        IReadOnlyList<string> createScript,
        string? schema,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> renames,
        IReadOnlySet<string> excludedTables)
    {
        CreateScript = createScript;
        Schema = schema;
        Renames = renames;
        ExcludedTables = excludedTables;
    }

    /// <summary>The statements that create the model's schema from nothing, in order.</summary>
    public IReadOnlyList<string> CreateScript { get; }

    /// <summary>The one schema the model's tables name explicitly, or <see langword="null" /> when they use the default.</summary>
    public string? Schema { get; }

    /// <summary>Table name to (new column name to old column name), from <c>HasColumnRenamedFrom</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Renames { get; }

    /// <summary>Tables the model maps but excludes from migrations (<c>ExcludeFromMigrations</c>): never created, altered or dropped.</summary>
    public IReadOnlySet<string> ExcludedTables { get; }

    public static ModelSchemaSource From(DbContext context)
    {
        IModel model;
        try
        {
            model = context.GetService<IDesignTimeModel>().Model;
        }
        catch (InvalidOperationException)
        {
            // A compiled model has no design-time model; its runtime model still carries the relational mapping.
            model = context.Model;
        }

        var relationalModel = model.GetRelationalModel();
        var schemas = relationalModel.Tables.Where(t => !t.IsExcludedFromMigrations).Select(t => t.Schema).Distinct().ToList();
        if (schemas.Count > 1)
        {
            throw new SchemaMigrationException(
                "The model maps tables to more than one schema (" + string.Join(", ", schemas.Select(s => s ?? "<default>"))
                + "). The schema migrator manages one schema per context.");
        }

        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, relationalModel);
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, model, MigrationsSqlGenerationOptions.Default);
        var renames = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in relationalModel.Tables)
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in table.Columns)
            {
                foreach (var mapping in column.PropertyMappings)
                {
                    if (mapping.Property.FindAnnotation(SchemaMigrationAnnotationNames.RenamedFrom)?.Value is string oldName
                        && !string.Equals(oldName, column.Name, StringComparison.Ordinal))
                    {
                        map[column.Name] = oldName;
                    }
                }
            }

            if (map.Count > 0)
            {
                renames[table.Name] = map;
            }
        }

        var excluded = relationalModel.Tables.Where(t => t.IsExcludedFromMigrations).Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ModelSchemaSource(commands.Select(c => c.CommandText).ToList(), schemas.FirstOrDefault(), renames, excluded);
    }
}
