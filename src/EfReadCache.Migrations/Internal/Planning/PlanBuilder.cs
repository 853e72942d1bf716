namespace EfReadCache.Migrations.Internal.Planning;

/// <summary>Collects a plan's operations by stage, its warnings and its blocked items, then orders them.</summary>
internal sealed class PlanBuilder
{
    private readonly List<(PlanStage Stage, int Sequence, SchemaOperation Operation)> _operations = [];

    public List<string> Warnings { get; } = [];

    public List<BlockedOperation> Blocked { get; } = [];

    public void Add(PlanStage stage, SchemaOperation operation) => _operations.Add((stage, _operations.Count, operation));

    public void Block(BlockedOperation blocked) => Blocked.Add(blocked);

    public SchemaPlan Build(string provider, IReadOnlyList<UnmanagedObject> unmanaged)
        => new(
            provider,
            _operations.OrderBy(o => o.Stage).ThenBy(o => o.Sequence).Select(o => o.Operation).ToList(),
            Warnings.ToList(),
            Blocked.ToList(),
            unmanaged);
}
