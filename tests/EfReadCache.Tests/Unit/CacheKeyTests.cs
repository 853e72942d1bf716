using System.Data;
using EfReadCache.Storage;

namespace EfReadCache.Tests.Unit;

public sealed class CacheKeyTests
{
    private static CacheKey Key(object? value, DbType type = DbType.Int32, string sql = "SELECT 1", string database = "db")
        => new("p", "Sqlite", database, sql, [new CacheKeyParameter("@p0", type, value)], CommandBehavior.Default);

    [Fact]
    public void Equal_components_make_equal_keys_with_equal_hashes()
    {
        Assert.Equal(Key(1), Key(1));
        Assert.Equal(Key(1).GetHashCode(), Key(1).GetHashCode());
        Assert.Equal(Key(1).ToSha256(), Key(1).ToSha256());
        Assert.Equal(Key(new byte[] { 1, 2 }, DbType.Binary), Key(new byte[] { 1, 2 }, DbType.Binary));
        Assert.Equal(Key(new[] { 1, 2 }, DbType.Object), Key(new[] { 1, 2 }, DbType.Object));
        Assert.Equal(Key(null), Key(DBNull.Value));
    }

    [Theory]
    [MemberData(nameof(DifferentPairs))]
    public void Any_different_component_makes_a_different_key(CacheKey a, CacheKey b)
    {
        Assert.NotEqual(a, b);
        Assert.NotEqual(a.ToSha256(), b.ToSha256());
    }

    public static TheoryData<CacheKey, CacheKey> DifferentPairs() => new()
    {
        { Key(1), Key(2) },
        { Key(1), Key(1L, DbType.Int64) },
        { Key(1), Key(1, DbType.Int64) },
        { Key(1), Key(1, sql: "SELECT 2") },
        { Key(1), Key(1, database: "other") },
        { Key("a", DbType.String), Key("A", DbType.String) },
        { Key(new byte[] { 1, 2 }, DbType.Binary), Key(new byte[] { 1, 3 }, DbType.Binary) },
        { Key(1.10m, DbType.Decimal), Key(1.1m, DbType.Decimal) },
        { Key(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), DbType.DateTime), Key(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Local), DbType.DateTime) },
        { Key(new[] { 1, 2 }, DbType.Object), Key(new[] { 2, 1 }, DbType.Object) },
        { Key(null), Key(0) },
    };

    [Fact]
    public void The_sha256_is_hex_and_the_id_is_its_prefix()
    {
        var key = Key(42);
        Assert.Matches("^[0-9a-f]{64}$", key.ToSha256());
        Assert.Equal(key.ToSha256()[..12], key.Id);
    }
}
