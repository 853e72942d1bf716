namespace EfReadCache.Internal.Sql;

/// <content>The <see cref="CteState" /> type.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>Where a frame stands in a WITH list: not in one, in a CTE body, or after a body (expecting , or the query).</summary>
    private enum CteState : byte
    {
        None,
        InBody,
        AfterBody
    }
}
