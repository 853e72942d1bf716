using System.Collections;

namespace EfReadCache.Internal.Replay;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>Measures the managed bytes a buffered value holds on a 64-bit runtime (object headers included), so byte limits mean what they say.</remarks>
public static class ValueSizer
{
    private const int ObjectHeader = 16;
    private const int Reference = 8;
    private const int ArrayHeader = 24;

    /// <summary>The bytes of one row: the array and every value it holds.</summary>
    /// <param name="row">The row.</param>
    /// <returns>Bytes.</returns>
    public static long RowSize(object[] row)
    {
        long size = ArrayHeader + Reference * row.Length + Reference; // + the list slot that holds the row
        foreach (var value in row)
        {
            size += ValueSize(value);
        }

        return size;
    }

    /// <summary>The bytes of the column descriptions of every result set.</summary>
    /// <param name="sets">The result sets.</param>
    /// <returns>Bytes.</returns>
    public static long SchemaSize(IReadOnlyList<BufferedResultSet> sets)
    {
        long size = ObjectHeader * 2;
        foreach (var set in sets)
        {
            size += ObjectHeader * 2 + ArrayHeader * 4 + Reference * 3L * set.FieldCount;
            foreach (var name in set.Names)
            {
                size += StringSize(name);
            }

            foreach (var name in set.DataTypeNames)
            {
                size += StringSize(name);
            }
        }

        return size;
    }

    /// <summary>The bytes of one value, boxed.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Bytes.</returns>
    public static long ValueSize(object? value)
        => value switch
        {
            null or DBNull => 0,
            string text => StringSize(text),
            byte[] bytes => ArrayHeader + bytes.Length,
            bool or byte or sbyte => ObjectHeader + 8,
            short or ushort or char or int or uint or float => ObjectHeader + 8,
            long or ulong or double or DateTime or TimeSpan or DateOnly or TimeOnly => ObjectHeader + 8,
            decimal or Guid or DateTimeOffset => ObjectHeader + 16,
            Array array => ArraySize(array),
            ICollection collection => ObjectHeader + ArrayHeader + collection.Count * 16L,
            _ => ObjectHeader + 32,
        };

    private static long StringSize(string text) => 22 + 2L * text.Length;

    private static long ArraySize(Array array)
    {
        var elementType = array.GetType().GetElementType()!;
        if (elementType.IsValueType)
        {
            var elementSize = elementType == typeof(byte) || elementType == typeof(bool) ? 1
                : elementType == typeof(short) || elementType == typeof(char) ? 2
                : elementType == typeof(decimal) || elementType == typeof(Guid) ? 16
                : elementType == typeof(int) || elementType == typeof(float) ? 4 : 8;
            return ArrayHeader + (long)elementSize * array.Length;
        }

        long size = ArrayHeader + (long)Reference * array.Length;
        foreach (var item in array)
        {
            size += ValueSize(item);
        }

        return size;
    }
}
