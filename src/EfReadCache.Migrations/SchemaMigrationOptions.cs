using Microsoft.Extensions.Logging;

namespace EfReadCache.Migrations;

/// <summary>
///     Options for <c>PlanSchemaAsync</c> and <c>ApplySchemaAsync</c>. The defaults are the safe ones: nothing that loses
///     data is applied, and a plan with blocked items applies nothing.
/// </summary>
public sealed class SchemaMigrationOptions
{
    /// <summary>
    ///     Allows operations that lose data: dropping a table or a column, and narrowing a column's type.
    /// </summary>
    /// <value>The default is <see langword="false" />: such operations are listed as blocked.</value>
    public bool AllowDataLoss { get; set; }

    /// <summary>
    ///     Computes the plan as <c>ApplySchemaAsync</c> would (PostgreSQL: under the advisory lock; SQLite: in a read
    ///     transaction), but applies nothing. <c>ApplySchemaAsync</c> then returns the plan with
    ///     <see cref="SchemaApplyResult.Applied" /> <see langword="false" /> and never throws for blocked items.
    /// </summary>
    /// <value>The default is <see langword="false" />.</value>
    public bool DryRun { get; set; }

    /// <summary>
    ///     Applies the operations that are not blocked and skips the blocked ones (they are reported in
    ///     <see cref="SchemaApplyResult.Messages" />). Without it, a plan with any blocked item applies nothing and
    ///     <c>ApplySchemaAsync</c> throws a <see cref="SchemaMigrationException" />.
    /// </summary>
    /// <value>The default is <see langword="false" />.</value>
    public bool SkipBlocked { get; set; }

    /// <summary>
    ///     How long to wait for the migration lock (PostgreSQL: an advisory lock and the table locks; SQLite: the write lock
    ///     taken by <c>BEGIN IMMEDIATE</c>) before giving up with an error.
    /// </summary>
    /// <remarks>
    ///     On PostgreSQL it is also <c>lock_timeout</c> for every statement, so an ALTER that waits for a busy table fails
    ///     (and rolls back) instead of hanging; statements otherwise run with the context's command timeout, or none. On
    ///     SQLite it bounds every wait for a lock.
    /// </remarks>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Receives one log line per pipeline step and per applied statement.</summary>
    /// <value>The default is <see langword="null" />: nothing is logged.</value>
    public ILogger? Logger { get; set; }

    /// <summary>Receives a report as each pipeline step starts and as each operation is applied.</summary>
    /// <value>The default is <see langword="null" />.</value>
    public IProgress<SchemaMigrationProgress>? Progress { get; set; }
}
