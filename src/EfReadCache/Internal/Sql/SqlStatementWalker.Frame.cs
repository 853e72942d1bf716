namespace EfReadCache.Internal.Sql;

/// <content>The <see cref="Frame" /> type.</content>
internal sealed partial class SqlStatementWalker
{
    /// <summary>The state of one parenthesis level (index 0 is the statement itself).</summary>
    private struct Frame
    {
        public Purpose Purpose;
        public bool AtStart;
        public StatementKind Kind;
        public bool SawQuery;
        public bool SawSelect;
        public ListMode List;
        public bool UsingIsFactor;
        public bool UpdateTargets;
        public bool ExpectOnTarget;
        public CteState Cte;
        public bool CteRecursive;
        public Purpose PendingParen;
    }
}
