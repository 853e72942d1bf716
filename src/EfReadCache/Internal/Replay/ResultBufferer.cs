using System.Data.Common;
using System.Diagnostics;

namespace EfReadCache.Internal.Replay;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>Reads a provider's data reader to the end into a <see cref="BufferedResult" />, measuring its size as it goes.</remarks>
public static class ResultBufferer
{
    /// <summary>Buffers every result set of the reader, then disposes it.</summary>
    /// <param name="reader">The provider's reader, positioned before the first row.</param>
    /// <param name="startTimestamp">When the command started (<see cref="Stopwatch.GetTimestamp" />).</param>
    /// <returns>The buffered result.</returns>
    public static BufferedResult Buffer(DbDataReader reader, long startTimestamp)
    {
        using (reader)
        {
            var sets = new List<BufferedResultSet>(1);
            long size = 0;
            do
            {
                var (names, types, dataTypes) = ReadSchema(reader);
                var rows = new List<object[]>();
                while (reader.Read())
                {
                    var row = new object[names.Length];
                    reader.GetValues(row);
                    size += ValueSizer.RowSize(row);
                    rows.Add(row);
                }

                sets.Add(new BufferedResultSet(names, types, dataTypes, rows));
            }
            while (reader.NextResult());

            reader.Close();
            return new BufferedResult(sets, reader.RecordsAffected, size + ValueSizer.SchemaSize(sets), Stopwatch.GetElapsedTime(startTimestamp));
        }
    }

    /// <summary>Buffers every result set of the reader asynchronously, then disposes it.</summary>
    /// <param name="reader">The provider's reader, positioned before the first row.</param>
    /// <param name="startTimestamp">When the command started (<see cref="Stopwatch.GetTimestamp" />).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The buffered result.</returns>
    public static async Task<BufferedResult> BufferAsync(DbDataReader reader, long startTimestamp, CancellationToken cancellationToken)
    {
        await using (reader.ConfigureAwait(false))
        {
            var sets = new List<BufferedResultSet>(1);
            long size = 0;
            do
            {
                var (names, types, dataTypes) = ReadSchema(reader);
                var rows = new List<object[]>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new object[names.Length];
                    reader.GetValues(row);
                    size += ValueSizer.RowSize(row);
                    rows.Add(row);
                }

                sets.Add(new BufferedResultSet(names, types, dataTypes, rows));
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

            await reader.CloseAsync().ConfigureAwait(false);
            return new BufferedResult(sets, reader.RecordsAffected, size + ValueSizer.SchemaSize(sets), Stopwatch.GetElapsedTime(startTimestamp));
        }
    }

    private static (string[] Names, Type[] Types, string[] DataTypes) ReadSchema(DbDataReader reader)
    {
        var count = reader.FieldCount;
        var names = new string[count];
        var types = new Type[count];
        var dataTypes = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = reader.GetName(i);
            types[i] = reader.GetFieldType(i);
            dataTypes[i] = reader.GetDataTypeName(i);
        }

        return (names, types, dataTypes);
    }
}
