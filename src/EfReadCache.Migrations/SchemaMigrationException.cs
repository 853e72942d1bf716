namespace EfReadCache.Migrations;

/// <summary>
///     Thrown when a schema migration cannot run or failed. Nothing was applied: the transaction was rolled back (and for
///     blocked items, never started).
/// </summary>
public sealed class SchemaMigrationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="plan">The plan, when one was computed.</param>
    /// <param name="operation">The operation that failed, when one did.</param>
    /// <param name="innerException">The database error, if any.</param>
    public SchemaMigrationException(string message, SchemaPlan? plan = null, SchemaOperation? operation = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Plan = plan;
        Operation = operation;
    }

    /// <summary>The plan, when one was computed.</summary>
    public SchemaPlan? Plan { get; }

    /// <summary>The operation that failed, when the failure happened while applying one.</summary>
    public SchemaOperation? Operation { get; }
}
