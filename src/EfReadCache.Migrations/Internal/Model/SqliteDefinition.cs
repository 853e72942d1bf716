namespace EfReadCache.Migrations.Internal.Model;

/// <summary>
///     One top-level item of a SQLite CREATE TABLE body, as written: a column definition (<see cref="ColumnName" /> set)
///     or a table constraint (<see cref="ConstraintKind" /> set: PRIMARY, UNIQUE, CHECK or FOREIGN).
/// </summary>
internal sealed record SqliteDefinition(string Text, string? ColumnName, string? ConstraintKind);
