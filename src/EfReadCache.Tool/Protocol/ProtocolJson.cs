using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EfReadCache.Tool.Protocol;

/// <summary>The JSON settings shared by <c>--json</c> output and the worker protocol.</summary>
internal static class ProtocolJson
{
    /// <summary>The prefix of a worker's progress line on its standard output.</summary>
    public const string ProgressPrefix = "##efreadcache:progress ";

    /// <summary>The prefix of a worker's log line (shown with <c>--verbose</c>).</summary>
    public const string LogPrefix = "##efreadcache:log ";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json)
        => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException("Empty JSON document.");
}
