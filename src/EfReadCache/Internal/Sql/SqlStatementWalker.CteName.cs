namespace EfReadCache.Internal.Sql;

/// <content>The <see cref="CteName" /> type.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>A CTE name: visible from <see cref="VisibleFrom" /> to <see cref="ScopeEnd" /> (token positions).</summary>
    private readonly record struct CteName(string Name, bool Quoted, int Depth, int VisibleFrom, int ScopeEnd);
}
