namespace EfReadCache.Internal.Sql;

/// <summary>The words the analyzer acts on. Any other word is <see cref="None" />.</summary>
internal enum SqlKeyword : byte
{
    /// <summary>Not a keyword the analyzer knows.</summary>
    None,

    /// <summary><c>ABORT</c></summary>
    Abort,

    /// <summary><c>ADD</c></summary>
    Add,

    /// <summary><c>AFTER</c></summary>
    After,

    /// <summary><c>ALL</c></summary>
    All,

    /// <summary><c>ALTER</c></summary>
    Alter,

    /// <summary><c>ANALYSE</c></summary>
    Analyse,

    /// <summary><c>ANALYZE</c></summary>
    Analyze,

    /// <summary><c>APPLY</c></summary>
    Apply,

    /// <summary><c>AS</c></summary>
    As,

    /// <summary><c>ATTACH</c></summary>
    Attach,

    /// <summary><c>BEFORE</c></summary>
    Before,

    /// <summary><c>BEGIN</c></summary>
    Begin,

    /// <summary><c>BREAK</c></summary>
    Break,

    /// <summary><c>BY</c></summary>
    By,

    /// <summary><c>CALL</c></summary>
    Call,

    /// <summary><c>CASCADE</c></summary>
    Cascade,

    /// <summary><c>CHECKPOINT</c></summary>
    Checkpoint,

    /// <summary><c>CLOSE</c></summary>
    Close,

    /// <summary><c>CLUSTER</c></summary>
    Cluster,

    /// <summary><c>COLLATION</c></summary>
    Collation,

    /// <summary><c>COLUMN</c></summary>
    Column,

    /// <summary><c>COMMENT</c></summary>
    Comment,

    /// <summary><c>COMMIT</c></summary>
    Commit,

    /// <summary><c>CONCURRENTLY</c></summary>
    Concurrently,

    /// <summary><c>CONSTRAINT</c></summary>
    Constraint,

    /// <summary><c>CONTINUE</c></summary>
    Continue,

    /// <summary><c>COPY</c></summary>
    Copy,

    /// <summary><c>CREATE</c></summary>
    Create,

    /// <summary><c>CROSS</c></summary>
    Cross,

    /// <summary><c>DATABASE</c></summary>
    Database,

    /// <summary><c>DEALLOCATE</c></summary>
    Deallocate,

    /// <summary><c>DECLARE</c></summary>
    Declare,

    /// <summary><c>DEFAULT</c></summary>
    Default,

    /// <summary><c>DELAYED</c></summary>
    Delayed,

    /// <summary><c>DELETE</c></summary>
    Delete,

    /// <summary><c>DESC</c></summary>
    Desc,

    /// <summary><c>DESCRIBE</c></summary>
    Describe,

    /// <summary><c>DETACH</c></summary>
    Detach,

    /// <summary><c>DISCARD</c></summary>
    Discard,

    /// <summary><c>DISTINCT</c></summary>
    Distinct,

    /// <summary><c>DO</c></summary>
    Do,

    /// <summary><c>DOMAIN</c></summary>
    Domain,

    /// <summary><c>DROP</c></summary>
    Drop,

    /// <summary><c>DUMPFILE</c></summary>
    Dumpfile,

    /// <summary><c>ELSE</c></summary>
    Else,

    /// <summary><c>END</c></summary>
    End,

    /// <summary><c>EXCEPT</c></summary>
    Except,

    /// <summary><c>EXEC</c></summary>
    Exec,

    /// <summary><c>EXECUTE</c></summary>
    Execute,

    /// <summary><c>EXISTS</c></summary>
    Exists,

    /// <summary><c>EXPLAIN</c></summary>
    Explain,

    /// <summary><c>EXTENSION</c></summary>
    Extension,

    /// <summary><c>FETCH</c></summary>
    Fetch,

    /// <summary><c>FOR</c></summary>
    For,

    /// <summary><c>FORCE</c></summary>
    Force,

    /// <summary><c>FROM</c></summary>
    From,

    /// <summary><c>FULL</c></summary>
    Full,

    /// <summary><c>FULLTEXT</c></summary>
    Fulltext,

    /// <summary><c>FUNCTION</c></summary>
    Function,

    /// <summary><c>GLOBAL</c></summary>
    Global,

    /// <summary><c>GO</c></summary>
    Go,

    /// <summary><c>GOTO</c></summary>
    Goto,

    /// <summary><c>GRANT</c></summary>
    Grant,

    /// <summary><c>GROUP</c></summary>
    Group,

    /// <summary><c>HAVING</c></summary>
    Having,

    /// <summary><c>HIGH_PRIORITY</c></summary>
    HighPriority,

    /// <summary><c>IF</c></summary>
    If,

    /// <summary><c>IGNORE</c></summary>
    Ignore,

    /// <summary><c>INDEX</c></summary>
    Index,

    /// <summary><c>INNER</c></summary>
    Inner,

    /// <summary><c>INSERT</c></summary>
    Insert,

    /// <summary><c>INSTEAD</c></summary>
    Instead,

    /// <summary><c>INTERSECT</c></summary>
    Intersect,

    /// <summary><c>INTO</c></summary>
    Into,

    /// <summary><c>IS</c></summary>
    Is,

    /// <summary><c>JOIN</c></summary>
    Join,

    /// <summary><c>KEY</c></summary>
    Key,

    /// <summary><c>LATERAL</c></summary>
    Lateral,

    /// <summary><c>LEFT</c></summary>
    Left,

    /// <summary><c>LIMIT</c></summary>
    Limit,

    /// <summary><c>LISTEN</c></summary>
    Listen,

    /// <summary><c>LOAD</c></summary>
    Load,

    /// <summary><c>LOCAL</c></summary>
    Local,

    /// <summary><c>LOCK</c></summary>
    Lock,

    /// <summary><c>LOCKED</c></summary>
    Locked,

    /// <summary><c>LOGIN</c></summary>
    Login,

    /// <summary><c>LOW_PRIORITY</c></summary>
    LowPriority,

    /// <summary><c>MATERIALIZED</c></summary>
    Materialized,

    /// <summary><c>MERGE</c></summary>
    Merge,

    /// <summary><c>MINUS</c></summary>
    Minus,

    /// <summary><c>MOVE</c></summary>
    Move,

    /// <summary><c>NATURAL</c></summary>
    Natural,

    /// <summary><c>NO</c></summary>
    No,

    /// <summary><c>NONCLUSTERED</c></summary>
    Nonclustered,

    /// <summary><c>CLUSTERED</c></summary>
    Clustered,

    /// <summary><c>NOT</c></summary>
    Not,

    /// <summary><c>NOTIFY</c></summary>
    Notify,

    /// <summary><c>NOWAIT</c></summary>
    Nowait,

    /// <summary><c>OF</c></summary>
    Of,

    /// <summary><c>OFFSET</c></summary>
    Offset,

    /// <summary><c>ON</c></summary>
    On,

    /// <summary><c>ONLY</c></summary>
    Only,

    /// <summary><c>OPEN</c></summary>
    Open,

    /// <summary><c>OPTION</c></summary>
    Option,

    /// <summary><c>OR</c></summary>
    Or,

    /// <summary><c>ORDER</c></summary>
    Order,

    /// <summary><c>ORDINALITY</c></summary>
    Ordinality,

    /// <summary><c>OUTER</c></summary>
    Outer,

    /// <summary><c>OUTFILE</c></summary>
    Outfile,

    /// <summary><c>OUTPUT</c></summary>
    Output,

    /// <summary><c>PARTITION</c></summary>
    Partition,

    /// <summary><c>PIVOT</c></summary>
    Pivot,

    /// <summary><c>PRAGMA</c></summary>
    Pragma,

    /// <summary><c>PREPARE</c></summary>
    Prepare,

    /// <summary><c>PRINT</c></summary>
    Print,

    /// <summary><c>PROCEDURE</c></summary>
    Procedure,

    /// <summary><c>PROC</c></summary>
    Proc,

    /// <summary><c>QUALIFY</c></summary>
    Qualify,

    /// <summary><c>QUICK</c></summary>
    Quick,

    /// <summary><c>RAISERROR</c></summary>
    Raiserror,

    /// <summary><c>RECURSIVE</c></summary>
    Recursive,

    /// <summary><c>REFRESH</c></summary>
    Refresh,

    /// <summary><c>REINDEX</c></summary>
    Reindex,

    /// <summary><c>RELEASE</c></summary>
    Release,

    /// <summary><c>RENAME</c></summary>
    Rename,

    /// <summary><c>REPLACE</c></summary>
    Replace,

    /// <summary><c>RESET</c></summary>
    Reset,

    /// <summary><c>RESTART</c></summary>
    Restart,

    /// <summary><c>RESTRICT</c></summary>
    Restrict,

    /// <summary><c>RETURN</c></summary>
    Return,

    /// <summary><c>RETURNING</c></summary>
    Returning,

    /// <summary><c>REVOKE</c></summary>
    Revoke,

    /// <summary><c>RIGHT</c></summary>
    Right,

    /// <summary><c>ROLE</c></summary>
    Role,

    /// <summary><c>ROLLBACK</c></summary>
    Rollback,

    /// <summary><c>SAVE</c></summary>
    Save,

    /// <summary><c>SAVEPOINT</c></summary>
    Savepoint,

    /// <summary><c>SCHEMA</c></summary>
    Schema,

    /// <summary><c>SELECT</c></summary>
    Select,

    /// <summary><c>SEQUENCE</c></summary>
    Sequence,

    /// <summary><c>SET</c></summary>
    Set,

    /// <summary><c>SHARE</c></summary>
    Share,

    /// <summary><c>SHOW</c></summary>
    Show,

    /// <summary><c>SKIP</c></summary>
    Skip,

    /// <summary><c>SPATIAL</c></summary>
    Spatial,

    /// <summary><c>START</c></summary>
    Start,

    /// <summary><c>STATISTICS</c></summary>
    Statistics,

    /// <summary><c>STRAIGHT_JOIN</c></summary>
    StraightJoin,

    /// <summary><c>TABLE</c></summary>
    Table,

    /// <summary><c>TABLESAMPLE</c></summary>
    Tablesample,

    /// <summary><c>TEMP</c></summary>
    Temp,

    /// <summary><c>TEMPORARY</c></summary>
    Temporary,

    /// <summary><c>THEN</c></summary>
    Then,

    /// <summary><c>THROW</c></summary>
    Throw,

    /// <summary><c>TO</c></summary>
    To,

    /// <summary><c>TOP</c></summary>
    Top,

    /// <summary><c>TRIGGER</c></summary>
    Trigger,

    /// <summary><c>TRUNCATE</c></summary>
    Truncate,

    /// <summary><c>TYPE</c></summary>
    Type,

    /// <summary><c>UNION</c></summary>
    Union,

    /// <summary><c>UNIQUE</c></summary>
    Unique,

    /// <summary><c>UNLISTEN</c></summary>
    Unlisten,

    /// <summary><c>UNLOCK</c></summary>
    Unlock,

    /// <summary><c>UNLOGGED</c></summary>
    Unlogged,

    /// <summary><c>UNPIVOT</c></summary>
    Unpivot,

    /// <summary><c>UPDATE</c></summary>
    Update,

    /// <summary><c>UPSERT</c></summary>
    Upsert,

    /// <summary><c>USE</c></summary>
    Use,

    /// <summary><c>USER</c></summary>
    User,

    /// <summary><c>USING</c></summary>
    Using,

    /// <summary><c>VACUUM</c></summary>
    Vacuum,

    /// <summary><c>VALUES</c></summary>
    Values,

    /// <summary><c>VIEW</c></summary>
    View,

    /// <summary><c>VIRTUAL</c></summary>
    Virtual,

    /// <summary><c>WAITFOR</c></summary>
    Waitfor,

    /// <summary><c>WHEN</c></summary>
    When,

    /// <summary><c>WHERE</c></summary>
    Where,

    /// <summary><c>WHILE</c></summary>
    While,

    /// <summary><c>WINDOW</c></summary>
    Window,

    /// <summary><c>WITH</c></summary>
    With
}
