using System.Text.Json;
using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Worker;

/// <summary>
///     The worker's line to the command line: progress and log lines on standard output. Everything the application
///     itself prints is moved to standard error, so that it cannot be mistaken for protocol lines.
/// </summary>
internal sealed class WorkerChannel
{
    private readonly TextWriter protocol;
    private readonly bool verbose;

    public WorkerChannel(TextWriter protocol, bool verbose)
    {
        this.protocol = protocol;
        this.verbose = verbose;
    }

    public void Progress(string message) => Write(ProtocolJson.ProgressPrefix, message);

    public void Log(string message)
    {
        if (verbose)
        {
            Write(ProtocolJson.LogPrefix, message);
        }
    }

    private void Write(string prefix, string message)
    {
        lock (protocol)
        {
            protocol.WriteLine(prefix + JsonSerializer.Serialize(message));
            protocol.Flush();
        }
    }
}
