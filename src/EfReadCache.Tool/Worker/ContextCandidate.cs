namespace EfReadCache.Tool.Worker;

/// <summary>A DbContext type the tool found, and the design-time factory that creates it, if there is one.</summary>
internal sealed record ContextCandidate(Type ContextType, Type? FactoryType);
