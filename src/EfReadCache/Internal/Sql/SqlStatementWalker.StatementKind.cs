namespace EfReadCache.Internal.Sql;

/// <content>The <see cref="StatementKind" /> type.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>What the statement in a frame is, as its first word says.</summary>
    private enum StatementKind : byte
    {
        None,
        Query,
        Insert,
        Update,
        Delete,
        Merge,
        Truncate,
        Copy,
        Ddl,
        Other,
        Unknown
    }
}
