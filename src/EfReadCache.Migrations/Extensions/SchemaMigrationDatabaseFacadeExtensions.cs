using EfReadCache.Migrations;
using EfReadCache.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>
///     Schema-diff migrations: make the database match the model without migration files, and without losing data
///     unless that is explicitly allowed. Supports SQLite and PostgreSQL.
/// </summary>
public static class SchemaMigrationDatabaseFacadeExtensions
{
    /// <summary>
    ///     Computes what it takes to make the database match the model: the ordered operations with their SQL, warnings,
    ///     blocked items with the reason, and the objects the migrator does not manage. Changes nothing.
    /// </summary>
    /// <param name="database">The context's <see cref="DbContext.Database" />.</param>
    /// <param name="options">The options; <see langword="null" /> for the defaults (no data loss).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="SchemaMigrationException">The model cannot be rendered, or the lock was not obtained in time.</exception>
    public static async Task<SchemaPlan> PlanSchemaAsync(
        this DatabaseFacade database, SchemaMigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var result = await new SchemaMigrator(database, options).RunAsync(apply: false, cancellationToken).ConfigureAwait(false);
        return result.Plan;
    }

    /// <summary>
    ///     Makes the database match the model. Under a migration lock, it plans, checks the data, applies every operation
    ///     (PostgreSQL: in one transaction; SQLite: in one transaction with foreign keys off and
    ///     <c>foreign_key_check</c> before the commit), verifies that a new plan is empty, commits, and invalidates the
    ///     read cache for the changed tables.
    /// </summary>
    /// <remarks>
    ///     When the plan has blocked items, nothing is applied and a <see cref="SchemaMigrationException" /> lists them,
    ///     unless <see cref="SchemaMigrationOptions.SkipBlocked" /> is set (then the rest is applied) or
    ///     <see cref="SchemaMigrationOptions.DryRun" /> is set (then nothing is applied and nothing is thrown).
    /// </remarks>
    /// <param name="database">The context's <see cref="DbContext.Database" />.</param>
    /// <param name="options">The options; <see langword="null" /> for the defaults (no data loss).</param>
    /// <param name="cancellationToken">Cancels the work (the transaction is then rolled back).</param>
    /// <returns>The plan, whether it was applied, the changed tables and messages.</returns>
    /// <exception cref="SchemaMigrationException">
    ///     The plan has blocked items, an operation failed (the message names it; everything was rolled back), the result
    ///     did not converge, or the lock was not obtained in time.
    /// </exception>
    public static Task<SchemaApplyResult> ApplySchemaAsync(
        this DatabaseFacade database, SchemaMigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new SchemaMigrator(database, options).RunAsync(apply: true, cancellationToken);
    }
}
