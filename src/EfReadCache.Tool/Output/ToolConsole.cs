using EfReadCache.Tool.Cli;
using EfReadCache.Tool.Protocol;
using Spectre.Console;

namespace EfReadCache.Tool.Output;

/// <summary>
///     Where the tool writes. Interactive terminals get a spinner for long steps and colors (Spectre.Console);
///     redirected output, <c>--json</c> and <c>--verbose</c> get plain lines, with progress on standard error.
/// </summary>
internal sealed class ToolConsole
{
    private readonly bool interactive;
    private readonly bool json;
    private readonly bool verbose;
    private readonly TextWriter output;
    private readonly TextWriter error;

    private ToolConsole(bool interactive, bool json, bool verbose, TextWriter output, TextWriter error)
    {
        this.interactive = interactive;
        this.json = json;
        this.verbose = verbose;
        this.output = output;
        this.error = error;
    }

    public static ToolConsole Create(ToolSettings settings)
    {
        var interactive = !settings.Json && !settings.Verbose && !Console.IsOutputRedirected && !Console.IsErrorRedirected
            && AnsiConsole.Profile.Capabilities.Interactive;
        return new ToolConsole(interactive, settings.Json, settings.Verbose, Console.Out, Console.Error);
    }

    /// <summary>A plain console writing to the given writers (for tests).</summary>
    internal static ToolConsole CreatePlain(TextWriter output, TextWriter error, bool json = false, bool verbose = false)
        => new(false, json, verbose, output, error);

    /// <summary>Where <c>--verbose</c> lines go, or <see langword="null" /> without it.</summary>
    public Action<string>? VerboseWriter => verbose ? WriteVerbose : null;

    public async Task RunWithProgressAsync(string initial, Func<Action<string>, Task> work)
    {
        if (interactive)
        {
            await AnsiConsole.Status()
                .Spinner(Spinner.Known.Dots)
                .StartAsync(Markup.Escape(initial) + "...", context => work(message => context.Status(Markup.Escape(message) + "...")))
                .ConfigureAwait(false);
            return;
        }

        void Progress(string message)
        {
            lock (error)
            {
                error.WriteLine("readcache: " + message + "...");
            }
        }

        Progress(initial);
        await work(Progress).ConfigureAwait(false);
    }

    public void Render(CommandReport report)
    {
        if (json)
        {
            output.WriteLine(ProtocolJson.Serialize(report));
            return;
        }

        var writer = interactive ? (IReportWriter)new SpectreReportWriter() : new PlainReportWriter(output);
        ReportRenderer.Render(report, writer, verbose);
    }

    private void WriteVerbose(string line)
    {
        lock (error)
        {
            error.WriteLine("  " + line);
        }
    }
}
