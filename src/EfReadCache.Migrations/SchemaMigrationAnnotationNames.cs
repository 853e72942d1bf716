namespace EfReadCache.Migrations;

/// <summary>The model annotations the schema migrator reads.</summary>
public static class SchemaMigrationAnnotationNames
{
    /// <summary>
    ///     On a property: the column's previous name. The migrator renames the live column instead of dropping it and
    ///     adding a new one. Set it with <c>HasColumnRenamedFrom</c>.
    /// </summary>
    public const string RenamedFrom = "EfReadCache:Migrations:RenamedFrom";
}
