using System.Collections;
using System.Globalization;
using System.Text;

namespace EfReadCache.Internal.Replay;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     Turns a buffered value (what the provider's GetValue returned) into the type EF asks for, the way the provider's
///     own typed getters would: SQLite stores dates, decimals and GUIDs as text and integers as Int64; Npgsql returns
///     timestamptz as a UTC DateTime while EF may ask for DateTimeOffset, time as TimeSpan while EF asks for TimeOnly.
/// </remarks>
public static class ReplayValueConverter
{
    /// <summary>Converts a non-null buffered value to <typeparamref name="T" />.</summary>
    /// <typeparam name="T">The type EF asks for.</typeparam>
    /// <param name="value">The buffered value.</param>
    /// <returns>The converted value.</returns>
    /// <exception cref="InvalidCastException">The value cannot be read as <typeparamref name="T" /> (as the provider would also refuse).</exception>
    public static T Convert<T>(object value)
    {
        if (value is T typed)
        {
            return typed;
        }

        return (T)Convert(value, typeof(T));
    }

    /// <summary>Converts a non-null buffered value to <paramref name="target" />.</summary>
    /// <param name="value">The buffered value.</param>
    /// <param name="target">The type asked for.</param>
    /// <returns>The converted value, boxed.</returns>
    public static object Convert(object value, Type target)
    {
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsEnum)
        {
            return value is string name ? Enum.Parse(type, name, ignoreCase: false) : Enum.ToObject(type, Convert(value, Enum.GetUnderlyingType(type)));
        }

        try
        {
            return ConvertCore(value, type);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidCastException(
                $"EfReadCache cannot replay a cached value of type {value.GetType().Name} as {target.Name}: {exception.Message}", exception);
        }
    }

    private static object ConvertCore(object value, Type type)
    {
        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Boolean:
                return value is string s ? s != "0" && !s.Equals("false", StringComparison.OrdinalIgnoreCase) : ToInt64(value) != 0;
            case TypeCode.Byte:
                return checked((byte)ToInt64(value));
            case TypeCode.SByte:
                return checked((sbyte)ToInt64(value));
            case TypeCode.Int16:
                return checked((short)ToInt64(value));
            case TypeCode.UInt16:
                return checked((ushort)ToInt64(value));
            case TypeCode.Int32:
                return checked((int)ToInt64(value));
            case TypeCode.UInt32:
                return checked((uint)ToInt64(value));
            case TypeCode.Int64:
                return ToInt64(value);
            case TypeCode.UInt64:
                return value is ulong u ? u : unchecked((ulong)ToInt64(value));
            case TypeCode.Double:
                return ToDouble(value);
            case TypeCode.Single:
                return (float)ToDouble(value);
            case TypeCode.Decimal:
                return value switch
                {
                    string text => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
                    double d => decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
                    _ => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                };
            case TypeCode.Char:
                return value is string { Length: 1 } c ? c[0] : checked((char)ToInt64(value));
            case TypeCode.String:
                return value switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    char[] chars => new string(chars),
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString() ?? "",
                };
            case TypeCode.DateTime:
                return value switch
                {
                    string text => DateTime.Parse(text, CultureInfo.InvariantCulture),
                    DateTimeOffset offset => offset.UtcDateTime,
                    DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                    double or float or long or int => FromJulianDay(ToDouble(value)),
                    _ => System.Convert.ToDateTime(value, CultureInfo.InvariantCulture),
                };
        }

        if (type == typeof(DateTimeOffset))
        {
            return value switch
            {
                string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture),
                DateTime dateTime => new DateTimeOffset(dateTime),
                double or float or long or int => new DateTimeOffset(FromJulianDay(ToDouble(value))),
                _ => throw Cannot(value, type),
            };
        }

        if (type == typeof(DateOnly))
        {
            return value switch
            {
                string text => DateOnly.Parse(text, CultureInfo.InvariantCulture),
                DateTime dateTime => DateOnly.FromDateTime(dateTime),
                double or float or long or int => DateOnly.FromDateTime(FromJulianDay(ToDouble(value))),
                _ => throw Cannot(value, type),
            };
        }

        if (type == typeof(TimeOnly))
        {
            return value switch
            {
                string text => TimeOnly.Parse(text, CultureInfo.InvariantCulture),
                TimeSpan span => TimeOnly.FromTimeSpan(span),
                DateTime dateTime => TimeOnly.FromDateTime(dateTime),
                _ => throw Cannot(value, type),
            };
        }

        if (type == typeof(TimeSpan))
        {
            return value switch
            {
                string text => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
                TimeOnly time => time.ToTimeSpan(),
                double or float or long or int => TimeSpan.FromDays(ToDouble(value)),
                _ => throw Cannot(value, type),
            };
        }

        if (type == typeof(Guid))
        {
            return value switch
            {
                string text => new Guid(text),
                byte[] { Length: 16 } bytes => new Guid(bytes),
                byte[] bytes => new Guid(Encoding.UTF8.GetString(bytes)),
                _ => throw Cannot(value, type),
            };
        }

        if (type == typeof(byte[]))
        {
            return value switch
            {
                string text => Encoding.UTF8.GetBytes(text),
                Guid guid => guid.ToByteArray(),
                _ => throw Cannot(value, type),
            };
        }

        if (value is Array array && type.IsArray)
        {
            var elementType = type.GetElementType()!;
            var converted = Array.CreateInstance(elementType, array.Length);
            for (var i = 0; i < array.Length; i++)
            {
                var item = array.GetValue(i);
                converted.SetValue(item is null or DBNull ? null : Convert(item, elementType), i);
            }

            return converted;
        }

        if (value is IEnumerable items && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var elementType = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(type)!;
            foreach (var item in items)
            {
                list.Add(item is null or DBNull ? null : Convert(item, elementType));
            }

            return list;
        }

        throw Cannot(value, type);
    }

    private static long ToInt64(object value)
        => value switch
        {
            long l => l,
            int i => i,
            short s => s,
            byte b => b,
            bool flag => flag ? 1 : 0,
            double d => (long)d,
            decimal m => (long)m,
            string text => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
            _ => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
        };

    private static double ToDouble(object value)
        => value switch
        {
            double d => d,
            long l => l,
            string text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
        };

    // SQLite stores dates written as REAL/INTEGER as Julian day numbers; day 2440587.5 is the Unix epoch.
    private static DateTime FromJulianDay(double julianDay)
    {
        var milliseconds = Math.Round((julianDay - 2440587.5) * 86_400_000d);
        return new DateTime(DateTime.UnixEpoch.AddMilliseconds(milliseconds).Ticks, DateTimeKind.Unspecified);
    }

    private static InvalidCastException Cannot(object value, Type type)
        => new($"EfReadCache cannot replay a cached value of type {value.GetType().Name} as {type.Name}.");
}
