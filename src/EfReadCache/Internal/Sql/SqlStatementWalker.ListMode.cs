namespace EfReadCache.Internal.Sql;

/// <content>The <see cref="ListMode" /> type.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>What a comma continues in the current frame: no list, a list of read relations, of written ones, or RENAME pairs.</summary>
    private enum ListMode : byte
    {
        None,
        Read,
        Write,
        Rename
    }
}
