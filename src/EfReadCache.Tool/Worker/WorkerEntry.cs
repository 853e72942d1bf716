using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Worker;

/// <summary>The worker's entry point: reads the request, runs the command, writes the report.</summary>
internal static class WorkerEntry
{
    /// <summary>The hidden first argument that starts the tool as a worker.</summary>
    public const string Verb = "__worker";

    public static async Task<int> RunAsync(string requestPath)
    {
        var request = ProtocolJson.Deserialize<WorkerRequest>(await File.ReadAllTextAsync(requestPath).ConfigureAwait(false));
        var protocol = Console.Out;
        Console.SetOut(Console.Error);
        var channel = new WorkerChannel(protocol, request.Verbose);

        CommandReport report;
        try
        {
            report = await WorkerCommands.RunAsync(request, channel, CancellationToken.None).ConfigureAwait(false);
        }
        catch (ToolException ex)
        {
            report = new CommandReport { Command = request.Command, ExitCode = ex.ExitCode, Error = ErrorReport.From(ex) };
        }
        catch (Exception ex)
        {
            report = new CommandReport
            {
                Command = request.Command,
                ExitCode = ExitCodes.Failed,
                Error = new ErrorReport
                {
                    Message = "Unexpected error: " + ex.GetBaseException().Message,
                    Hint = "Run with --verbose for the full exception, and report it if it looks like a bug in the tool.",
                    Details = request.Verbose ? ex.ToString() : null,
                },
            };
        }

        await File.WriteAllTextAsync(request.ResultPath, ProtocolJson.Serialize(report)).ConfigureAwait(false);
        return report.ExitCode;
    }
}
