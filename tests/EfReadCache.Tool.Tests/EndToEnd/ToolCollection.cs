namespace EfReadCache.Tool.Tests.EndToEnd;

/// <summary>The end-to-end classes share one installed tool and run one after the other (they build the same sample).</summary>
[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<ToolInstallation>
{
    public const string Name = "dotnet readcache end to end";
}
