namespace EfReadCache.Internal.Sql;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     A relation named in SQL, unquoted and in its original case. Unquoted names keep the case they were written in
///     (PostgreSQL would fold them to lower case), so compare names case-insensitively.
/// </remarks>
/// <param name="Schema">
///     The schema (the part before the name; for <c>db.schema.table</c> the middle part), or <see langword="null" /> when
///     the name is not qualified.
/// </param>
/// <param name="Name">The relation's name: the last part of the qualified name.</param>
public readonly record struct SqlTableReference(string? Schema, string Name)
{
    /// <inheritdoc />
    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}
