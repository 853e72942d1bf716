namespace EfReadCache.Migrations;

/// <summary>The values of <see cref="SchemaOperation.Kind" /> and <see cref="BlockedOperation.Kind" />.</summary>
public static class SchemaOperationKinds
{
    /// <summary>Creates the schema the model names (PostgreSQL), when it does not exist yet. <see cref="SchemaOperation.Table" /> holds the schema.</summary>
    public const string CreateSchema = "CreateSchema";

    /// <summary>Drops a foreign key constraint.</summary>
    public const string DropForeignKey = "DropForeignKey";

    /// <summary>Drops an index.</summary>
    public const string DropIndex = "DropIndex";

    /// <summary>Renames a column (from an explicit <c>HasColumnRenamedFrom</c> annotation).</summary>
    public const string RenameColumn = "RenameColumn";

    /// <summary>Changes a column's type, nullability, default, computed expression or identity.</summary>
    public const string AlterColumn = "AlterColumn";

    /// <summary>Drops a column (loses data).</summary>
    public const string DropColumn = "DropColumn";

    /// <summary>Changes a table's primary key.</summary>
    public const string AlterPrimaryKey = "AlterPrimaryKey";

    /// <summary>Drops a table (loses data).</summary>
    public const string DropTable = "DropTable";

    /// <summary>Creates a table.</summary>
    public const string CreateTable = "CreateTable";

    /// <summary>Rebuilds a SQLite table (new table from the live definition plus the changes, copy, swap).</summary>
    public const string RebuildTable = "RebuildTable";

    /// <summary>Adds a column.</summary>
    public const string AddColumn = "AddColumn";

    /// <summary>Creates an index.</summary>
    public const string CreateIndex = "CreateIndex";

    /// <summary>Adds a foreign key constraint.</summary>
    public const string AddForeignKey = "AddForeignKey";
}
