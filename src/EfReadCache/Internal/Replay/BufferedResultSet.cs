namespace EfReadCache.Internal.Replay;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>One result set: its columns as the provider described them, and its rows as the provider returned them.</remarks>
/// <param name="Names">Column names (GetName).</param>
/// <param name="FieldTypes">Column CLR types (GetFieldType).</param>
/// <param name="DataTypeNames">Column store types (GetDataTypeName).</param>
/// <param name="Rows">Row values from GetValue; <see cref="DBNull.Value" /> for nulls.</param>
public sealed record BufferedResultSet(string[] Names, Type[] FieldTypes, string[] DataTypeNames, IReadOnlyList<object[]> Rows)
{
    /// <summary>The number of columns.</summary>
    public int FieldCount => Names.Length;
}
