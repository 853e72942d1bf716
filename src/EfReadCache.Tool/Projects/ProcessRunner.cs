using System.Diagnostics;
using System.Text;

namespace EfReadCache.Tool.Projects;

/// <summary>Runs a child process, streaming its output lines to callbacks and collecting them.</summary>
internal static class ProcessRunner
{
    /// <summary>The result of a process: its exit code and everything it printed, in order.</summary>
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError, string Combined);

    public static async Task<Result> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        Action<string>? onOutput = null,
        Action<string>? onError = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Child dotnet processes must not talk to the terminal as if it were theirs.
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var combined = new StringBuilder();
        var gate = new object();

        using var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        DataReceivedEventHandler Collect(StringBuilder own, Action<string>? callback) => (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (gate)
            {
                own.AppendLine(e.Data);
                combined.AppendLine(e.Data);
            }

            callback?.Invoke(e.Data);
        };

        process.OutputDataReceived += Collect(stdout, onOutput);
        process.ErrorDataReceived += Collect(stderr, onError);

        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or FileNotFoundException)
        {
            throw new ToolException(
                ExitCodes.Failed,
                $"Could not start '{fileName}': {ex.Message}",
                "Make sure the .NET SDK is installed and 'dotnet' is on the PATH (or set DOTNET_HOST_PATH).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It already exited.
            }

            throw;
        }

        // WaitForExitAsync returns after the redirected streams reached their end.
        lock (gate)
        {
            return new Result(process.ExitCode, stdout.ToString(), stderr.ToString(), combined.ToString());
        }
    }

    /// <summary>The <c>dotnet</c> executable: the one running this tool if it is the muxer, else DOTNET_HOST_PATH, else PATH.</summary>
    public static string DotNetExecutable
    {
        get
        {
            var current = Environment.ProcessPath;
            if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return current;
            }

            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
            {
                return hostPath;
            }

            var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(root))
            {
                var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return "dotnet";
        }
    }
}
