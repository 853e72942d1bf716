using System.Text.Json;
using System.Text.Json.Serialization;

namespace EfReadCache.Tests.Infrastructure;

/// <summary>Turns query results into comparable text: types, kinds, decimal scales and nulls all show.</summary>
public static class ResultJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        WriteIndented = false,
        IncludeFields = false,
    };

    public static string Of(object? value) => JsonSerializer.Serialize(value, Options);
}
