using EfReadCache.Internal.Replay;
using EfReadCache.Tests.Model;

namespace EfReadCache.Tests.Unit;

/// <summary>Buffered values (as providers' GetValue returns them) read back as the type EF asks for.</summary>
public sealed class ReplayValueConverterTests
{
    [Fact]
    public void Sqlite_storage_classes_convert_like_the_provider()
    {
        Assert.Equal(42, ReplayValueConverter.Convert<int>(42L));
        Assert.True(ReplayValueConverter.Convert<bool>(1L));
        Assert.Equal((short)-3, ReplayValueConverter.Convert<short>(-3L));
        Assert.Equal(1.5000m, ReplayValueConverter.Convert<decimal>("1.5000"));
        Assert.Equal(4, decimal.GetBits(ReplayValueConverter.Convert<decimal>("1.5000"))[3] >> 16 & 0xFF);
        Assert.Equal(Guid.Parse("0a0b0c0d-1111-2222-3333-444455556666"), ReplayValueConverter.Convert<Guid>("0A0B0C0D-1111-2222-3333-444455556666"));
        Assert.Equal(new DateTime(2024, 2, 29, 23, 59, 58), ReplayValueConverter.Convert<DateTime>("2024-02-29 23:59:58"));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.FromHours(2)), ReplayValueConverter.Convert<DateTimeOffset>("2024-01-01 10:00:00+02:00"));
        Assert.Equal(TimeSpan.FromHours(1.5), ReplayValueConverter.Convert<TimeSpan>("01:30:00"));
        Assert.Equal(new DateOnly(2020, 1, 31), ReplayValueConverter.Convert<DateOnly>("2020-01-31"));
        Assert.Equal(new TimeOnly(13, 45, 10), ReplayValueConverter.Convert<TimeOnly>("13:45:10"));
        Assert.Equal('x', ReplayValueConverter.Convert<char>("x"));
        Assert.Equal(Mood.Grumpy, ReplayValueConverter.Convert<Mood>(2L));
        Assert.Equal(new DateTime(1970, 1, 1), ReplayValueConverter.Convert<DateTime>(2440587.5));
    }

    [Fact]
    public void Npgsql_types_convert_to_what_ef_asks()
    {
        var utc = new DateTime(2023, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        Assert.Equal(new DateTimeOffset(utc), ReplayValueConverter.Convert<DateTimeOffset>(utc));
        Assert.Equal(TimeSpan.Zero, ReplayValueConverter.Convert<DateTimeOffset>(utc).Offset);
        Assert.Equal(new TimeOnly(1, 2, 3), ReplayValueConverter.Convert<TimeOnly>(new TimeSpan(1, 2, 3)));
        Assert.Equal(new DateOnly(2001, 2, 3), ReplayValueConverter.Convert<DateOnly>(new DateTime(2001, 2, 3)));
        Assert.Equal([1L, 2L], ReplayValueConverter.Convert<long[]>(new[] { 1, 2 }));
        Assert.Equal(["a", "b"], ReplayValueConverter.Convert<List<string>>(new[] { "a", "b" }));
        Assert.Equal([Mood.Happy, Mood.Calm], ReplayValueConverter.Convert<Mood[]>(new[] { 1, 0 }));
    }

    [Fact]
    public void A_value_that_cannot_convert_says_what_and_to_what()
    {
        var exception = Assert.Throws<InvalidCastException>(() => ReplayValueConverter.Convert<Guid>(3.5));
        Assert.Contains("Double", exception.Message);
        Assert.Contains("Guid", exception.Message);
    }
}
