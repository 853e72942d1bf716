using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EfReadCache.Migrations.Tests.Infrastructure;

/// <summary>A context whose model is given per instance (cached under a unique key), so each test step can change the model.</summary>
public sealed class ScenarioContext : DbContext
{
    private readonly Action<ModelBuilder> _model;

    public ScenarioContext(DbContextOptions<ScenarioContext> options, Action<ModelBuilder> model, string modelKey)
        : base(options)
    {
        _model = model;
        ModelKey = modelKey;
    }

    public string ModelKey { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => _model(modelBuilder);

    public sealed class KeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((ScenarioContext)context).ModelKey, designTime);
    }
}
