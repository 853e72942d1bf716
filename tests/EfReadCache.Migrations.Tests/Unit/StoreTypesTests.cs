using EfReadCache.Migrations.Internal.Diff;

namespace EfReadCache.Migrations.Tests.Unit;

public sealed class StoreTypesTests
{
    [Theory]
    [InlineData("int4", "integer")]
    [InlineData("INTEGER", "integer")]
    [InlineData("varchar(20)", "character varying(20)")]
    [InlineData("character  varying(20)", "character varying(20)")]
    [InlineData("numeric(18, 2)", "numeric(18,2)")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("int8[]", "bigint[]")]
    public void Postgres_aliases_normalize_to_one_spelling(string alias, string canonical)
        => Assert.Equal(StoreTypes.NormalizePostgres(canonical), StoreTypes.NormalizePostgres(alias));

    [Theory]
    [InlineData("character varying(200)", "character varying(10)", true)]
    [InlineData("character varying(10)", "character varying(200)", false)]
    [InlineData("text", "character varying(10)", true)]
    [InlineData("character varying(10)", "text", false)]
    [InlineData("bigint", "integer", true)]
    [InlineData("integer", "bigint", false)]
    [InlineData("numeric(10,2)", "numeric(10,1)", true)]
    [InlineData("numeric(10,2)", "numeric(12,2)", false)]
    [InlineData("numeric(10,2)", "integer", true)]
    [InlineData("double precision", "real", true)]
    [InlineData("text", "integer", false)]
    [InlineData("integer", "numeric(5,0)", true)]
    public void Postgres_narrowing_is_detected(string from, string to, bool narrowing)
        => Assert.Equal(narrowing, StoreTypes.IsNarrowingPostgres(from, to));

    [Theory]
    [InlineData("INTEGER", "INTEGER")]
    [InlineData("bigint", "INTEGER")]
    [InlineData("varchar(200)", "TEXT")]
    [InlineData("nvarchar", "TEXT")]
    [InlineData("BLOB", "BLOB")]
    [InlineData("", "BLOB")]
    [InlineData("double", "REAL")]
    [InlineData("decimal(10,2)", "NUMERIC")]
    public void Sqlite_types_compare_by_affinity(string declared, string affinity)
        => Assert.Equal(affinity, StoreTypes.SqliteAffinity(declared));
}
