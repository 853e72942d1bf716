namespace EfReadCache.Internal.Sql;

/// <content>The <see cref="NameUse" /> type.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>A relation named at a token position, at a frame depth; for writes, whether it is an UPDATE/DELETE target.</summary>
    private readonly record struct NameUse(SqlTableReference Table, int Position, bool Quoted, int Depth, bool DmlTarget);
}
