namespace EfReadCache.Internal.Sql;

/// <content>The <see cref="Purpose" /> type.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>What a parenthesis opens: an expression (or subquery in one), a table factor, or a CTE body.</summary>
    private enum Purpose : byte
    {
        Expression,
        TableFactor,
        CteBody
    }
}
