using System.Collections;
using EfReadCache.Internal.Replay;
using EfReadCache.Redis.Internal;
using EfReadCache.Storage;

namespace EfReadCache.Tests.Redis;

public class RedisEntrySerializerTests
{
    public enum Color : short
    {
        Red = 1,
        Blue = -7,
    }

    [Flags]
    public enum Big : ulong
    {
        None = 0,
        Top = 1UL << 63,
    }

    public static TheoryData<string, object?> Values => new()
    {
        { "dbnull", DBNull.Value },
        { "null", null },
        { "bool", true },
        { "byte", (byte)250 },
        { "sbyte", (sbyte)-5 },
        { "short", (short)-30000 },
        { "ushort", (ushort)65000 },
        { "int", int.MinValue },
        { "uint", uint.MaxValue },
        { "long", long.MaxValue },
        { "ulong", ulong.MaxValue },
        { "float", 3.14159f },
        { "float-nan", float.NaN },
        { "double", -1.0 / 3 },
        { "double-negzero", -0.0 },
        { "decimal-scale", 1.2300m },
        { "decimal-big", decimal.MaxValue },
        { "decimal-negative-scale", -0.000001000m },
        { "char", 'é' },
        { "char-surrogate", '\ud83d' },
        { "string-unicode", "Zoë 🦆 日本語 \u0000 \t\n" },
        { "string-empty", "" },
        { "string-lone-surrogate", "a\udc00b" },
        { "bytes", new byte[] { 0, 1, 2, 255 } },
        { "bytes-empty", Array.Empty<byte>() },
        { "guid", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "datetime-utc", new DateTime(2024, 2, 29, 23, 59, 59, 999, DateTimeKind.Utc).AddTicks(7) },
        { "datetime-local", new DateTime(2020, 1, 1, 1, 2, 3, DateTimeKind.Local) },
        { "datetime-unspecified", new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified) },
        { "datetimeoffset-plus", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(5.5)) },
        { "datetimeoffset-minus", new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(-11)) },
        { "timespan", TimeSpan.FromTicks(-123456789) },
        { "dateonly", new DateOnly(2024, 2, 29) },
        { "timeonly", new TimeOnly(23, 59, 59, 999).Add(TimeSpan.FromTicks(9)) },
        { "enum", Color.Blue },
        { "enum-ulong", Big.Top },
        { "int-array", new[] { 1, -2, 3 } },
        { "nullable-int-array", new int?[] { 1, null, 3 } },
        { "string-array", new[] { "a", null, "ü" } },
        { "decimal-array", new[] { 1.0m, 2.50m } },
        { "datetime-array", new[] { new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) } },
        { "enum-array", new[] { Color.Red, Color.Blue } },
        { "nested-array", new[] { new[] { 1, 2 }, new[] { 3 } } },
        { "object-array-with-dbnull", new object[] { 1, DBNull.Value, "x" } },
        { "list-int", new List<int> { 4, 5 } },
        { "list-string", new List<string?> { "x", null } },
        { "list-guid", new List<Guid> { Guid.Empty } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_value_type_round_trips_with_its_type_and_precision(string name, object? value)
    {
        var entry = Entry([value!], [value?.GetType() ?? typeof(object)]);
        var bytes = RedisEntrySerializer.Serialize(entry, 42);
        Assert.True(RedisEntrySerializer.TryDeserialize(bytes, out var decoded, out var expires, out var error), name + ": " + error);
        Assert.Equal(42, expires);
        var set = ((BufferedResult)decoded!.Payload).ResultSets[0];
        Assert.Equal(entry.Payload is BufferedResult r ? r.ResultSets[0].FieldTypes : null, set.FieldTypes);
        AssertSame(value, set.Rows[0][0]);
    }

    [Fact]
    public void Schema_tokens_and_metadata_round_trip()
    {
        var sets = new[]
        {
            new BufferedResultSet(["id", "name"], [typeof(long), typeof(string)], ["INTEGER", "TEXT"],
                [new object[] { 1L, "a" }, new object[] { 2L, DBNull.Value }]),
            new BufferedResultSet(["n"], [typeof(int?)], ["int4"], []),
            new BufferedResultSet(["e"], [typeof(Color)], ["mood"], [new object[] { Color.Red }]),
        };
        var result = new BufferedResult(sets, 7, 1234, TimeSpan.FromMilliseconds(12.5));
        var tables = new TableSet("Host=h;Database=d", ["*", "Blogs", "posts"]);
        var entry = new CacheEntry(result, tables, [long.MinValue, 0, long.MaxValue], TimeSpan.FromMinutes(3), true, 999);
        Assert.True(RedisEntrySerializer.CanSerialize(result));
        Assert.True(RedisEntrySerializer.TryDeserialize(RedisEntrySerializer.Serialize(entry, -5), out var decoded, out var expires, out _));
        Assert.Equal(-5, expires);
        Assert.Equal(tables, decoded!.Tables);
        Assert.Equal(entry.Tokens, decoded.Tokens);
        Assert.Equal(entry.TimeToLive, decoded.TimeToLive);
        Assert.True(decoded.Sliding);
        Assert.Equal(999, decoded.SizeBytes);
        var back = (BufferedResult)decoded.Payload;
        Assert.Equal(7, back.RecordsAffected);
        Assert.Equal(1234, back.SizeBytes);
        Assert.Equal(result.ExecutionTime, back.ExecutionTime);
        Assert.Equal(3, back.ResultSets.Count);
        for (var s = 0; s < sets.Length; s++)
        {
            Assert.Equal(sets[s].Names, back.ResultSets[s].Names);
            Assert.Equal(sets[s].FieldTypes, back.ResultSets[s].FieldTypes);
            Assert.Equal(sets[s].DataTypeNames, back.ResultSets[s].DataTypeNames);
            Assert.Equal(sets[s].Rows.Count, back.ResultSets[s].Rows.Count);
        }

        Assert.Same(DBNull.Value, back.ResultSets[0].Rows[1][1]);
    }

    [Fact]
    public void Values_of_unsupported_types_are_refused_up_front()
    {
        var result = Result([new Uri("http://x")], [typeof(Uri)]);
        Assert.False(RedisEntrySerializer.CanSerialize(result));
        Assert.Throws<NotSupportedException>(() => RedisEntrySerializer.Serialize(Entry(result), 0));
        Assert.False(RedisEntrySerializer.CanSerialize(Result([new int[2, 2]], [typeof(int[,])])));
    }

    [Fact]
    public void Every_single_byte_corruption_is_detected_and_never_throws()
    {
        var bytes = RedisEntrySerializer.Serialize(Entry(["hello", 1.5m, Guid.NewGuid()], [typeof(string), typeof(decimal), typeof(Guid)]), 1);
        for (var i = 0; i < bytes.Length; i++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[i] ^= 0x5A;
            Assert.False(RedisEntrySerializer.TryDeserialize(corrupt, out var entry, out _, out var error), $"byte {i}");
            Assert.Null(entry);
            Assert.False(string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void Truncated_empty_foreign_and_future_bytes_are_misses()
    {
        var bytes = RedisEntrySerializer.Serialize(Entry([1], [typeof(int)]), 1);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(RedisEntrySerializer.TryDeserialize(bytes[..length], out _, out _, out _));
        }

        Assert.False(RedisEntrySerializer.TryDeserialize("not an entry at all"u8.ToArray(), out _, out _, out var foreign));
        Assert.Contains("magic", foreign);
        var future = (byte[])bytes.Clone();
        future[4] = RedisEntrySerializer.FormatVersion + 1;
        Assert.False(RedisEntrySerializer.TryDeserialize(future, out _, out _, out var version));
        Assert.Contains("version", version);
    }

    [Fact]
    public void Structurally_bad_bodies_with_a_valid_checksum_are_misses()
    {
        // A body that passes the checksum but lies about its counts or tags (a writer bug, not bit rot).
        var body = new MemoryStream();
        using (var writer = new BinaryWriter(body))
        {
            writer.Write("db");
            writer.Write(int.MaxValue); // table count far beyond the bytes left
        }

        Assert.False(RedisEntrySerializer.TryDeserialize(WithHeader(body.ToArray()), out _, out _, out var error));
        Assert.Contains("out of range", error);
    }

    private static byte[] WithHeader(byte[] body)
    {
        var bytes = new byte[17 + body.Length];
        "EFRC"u8.CopyTo(bytes);
        bytes[4] = RedisEntrySerializer.FormatVersion;
        BitConverter.TryWriteBytes(bytes.AsSpan(5), body.Length);
        System.Security.Cryptography.SHA256.HashData(body).AsSpan(0, 8).CopyTo(bytes.AsSpan(9));
        body.CopyTo(bytes, 17);
        return bytes;
    }

    private static BufferedResult Result(object[] row, Type[] types)
        => new([new BufferedResultSet(types.Select((_, i) => "c" + i).ToArray(), types, types.Select(t => t.Name).ToArray(), [row])], -1, 100,
            TimeSpan.FromMilliseconds(1));

    private static CacheEntry Entry(object[] row, Type[] types) => Entry(Result(row, types));

    private static CacheEntry Entry(BufferedResult result)
        => new(result, new TableSet("db", ["*", "t"]), [1, 2], TimeSpan.FromMinutes(1), false, result.SizeBytes);

    private static void AssertSame(object? expected, object? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case decimal d:
                Assert.Equal(d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ((decimal)actual).ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTime dt:
                Assert.Equal(dt.Ticks, ((DateTime)actual).Ticks);
                Assert.Equal(dt.Kind, ((DateTime)actual).Kind);
                break;
            case DateTimeOffset dto:
                Assert.True(dto.EqualsExact((DateTimeOffset)actual));
                break;
            case double x:
                Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits((double)actual));
                break;
            case float x:
                Assert.Equal(BitConverter.SingleToInt32Bits(x), BitConverter.SingleToInt32Bits((float)actual));
                break;
            case string s:
                Assert.Equal(s, (string)actual, StringComparer.Ordinal);
                break;
            case IEnumerable items:
                var left = items.Cast<object?>().ToArray();
                var right = ((IEnumerable)actual).Cast<object?>().ToArray();
                Assert.Equal(left.Length, right.Length);
                for (var i = 0; i < left.Length; i++)
                {
                    AssertSame(left[i], right[i]);
                }

                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
