using System.Data.Common;
using System.Globalization;
using EfReadCache.Migrations;
using Microsoft.EntityFrameworkCore;

namespace EfReadCache.Migrations.Tests.Infrastructure;

/// <summary>A fresh database for one test, with raw SQL helpers and contexts over any model.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    private static int _modelCounter;

    public abstract bool IsPostgres { get; }

    public abstract string ConnectionString { get; }

    protected abstract void Configure(DbContextOptionsBuilder<ScenarioContext> builder);

    protected abstract DbConnection CreateConnection();

    public ScenarioContext Context(Action<ModelBuilder> model, Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<ScenarioContext>();
        Configure(builder);
        configure?.Invoke(builder);
        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ScenarioContext.KeyFactory>();
        return new ScenarioContext(builder.Options, model, "m" + Interlocked.Increment(ref _modelCounter));
    }

    public async Task<SchemaPlan> PlanAsync(Action<ModelBuilder> model, SchemaMigrationOptions? options = null)
    {
        await using var context = Context(model);
        return await context.Database.PlanSchemaAsync(options);
    }

    /// <summary>Applies, then checks convergence: a new plan has no operations (and nothing blocked unless expected).</summary>
    public async Task<SchemaApplyResult> ApplyAsync(Action<ModelBuilder> model, SchemaMigrationOptions? options = null, bool expectBlockedAfter = false)
    {
        SchemaApplyResult result;
        await using (var context = Context(model))
        {
            result = await context.Database.ApplySchemaAsync(options);
        }

        var again = await PlanAsync(model, options);
        Assert.True(again.Operations.Count == 0, "The plan after apply is not empty:\n" + again);
        if (!expectBlockedAfter)
        {
            Assert.True(again.IsEmpty, "The plan after apply still has blocked items:\n" + again);
        }

        return result;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows as strings: values joined with '|', NULL as "null", ordered as the query says.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join("|", values));
        }

        return rows;
    }

    public async Task<long> ScalarAsync(string sql) => long.Parse((await RowsAsync(sql))[0], CultureInfo.InvariantCulture);

    public abstract ValueTask DisposeAsync();
}
