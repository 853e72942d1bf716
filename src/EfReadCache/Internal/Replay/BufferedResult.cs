namespace EfReadCache.Internal.Replay;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>Everything a data reader returned: every result set, the records affected, the measured size and the query's duration. Immutable and shared by every replay.</remarks>
/// <param name="ResultSets">The result sets, in order.</param>
/// <param name="RecordsAffected">The reader's RecordsAffected.</param>
/// <param name="SizeBytes">The measured size of the buffered values.</param>
/// <param name="ExecutionTime">How long the query took when it ran.</param>
public sealed record BufferedResult(IReadOnlyList<BufferedResultSet> ResultSets, int RecordsAffected, long SizeBytes, TimeSpan ExecutionTime)
{
    /// <summary>Rows across every result set (counted once: every hit reports it).</summary>
    public int TotalRows { get; } = CountRows(ResultSets);

    private static int CountRows(IReadOnlyList<BufferedResultSet> sets)
    {
        var rows = 0;
        for (var i = 0; i < sets.Count; i++)
        {
            rows += sets[i].Rows.Count;
        }

        return rows;
    }
}
