using System.Text;
using System.Text.Json;
using EfReadCache.Tool.Protocol;
using EfReadCache.Tool.Worker;

namespace EfReadCache.Tool.Projects;

/// <summary>
///     Runs the tool's worker inside the application's dependency context:
///     <c>dotnet exec --depsfile app.deps.json --runtimeconfig app.runtimeconfig.json dotnet-readcache.dll</c>,
///     as <c>dotnet ef</c> runs <c>ef.dll</c>. The application's own EF Core, provider and EfReadCache assemblies are
///     then the ones loaded, so the DbContext the worker creates is exactly the application's.
/// </summary>
internal static class WorkerLauncher
{
    public static async Task<CommandReport> RunAsync(
        ProjectInfo startup,
        WorkerRequest request,
        Action<string> onProgress,
        Action<string>? verbose,
        CancellationToken cancellationToken)
    {
        // The request holds the connection string: keep the folder private to the current user.
        var scratch = Path.Combine(Path.GetTempPath(), "dotnet-readcache-" + Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(scratch);
        }
        else
        {
            Directory.CreateDirectory(scratch, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            request.ResultPath = Path.Combine(scratch, "result.json");
            var requestPath = Path.Combine(scratch, "request.json");
            await File.WriteAllTextAsync(requestPath, ProtocolJson.Serialize(request), cancellationToken).ConfigureAwait(false);

            var runtimeConfig = startup.RuntimeConfigPath;
            if (!File.Exists(runtimeConfig))
            {
                // A class library has no runtimeconfig.json: run it on the shared framework the tool runs on.
                runtimeConfig = Path.Combine(scratch, "runtimeconfig.json");
                await File.WriteAllTextAsync(runtimeConfig, LibraryRuntimeConfig(), cancellationToken).ConfigureAwait(false);
            }

            var toolAssembly = typeof(WorkerLauncher).Assembly.Location;
            var arguments = new List<string> { "exec", "--depsfile", startup.DepsFilePath, "--runtimeconfig", runtimeConfig };
            foreach (var folder in startup.PackageFolders.Where(Directory.Exists))
            {
                arguments.Add("--additionalprobingpath");
                arguments.Add(folder);
            }

            arguments.AddRange([toolAssembly, WorkerEntry.Verb, requestPath]);
            verbose?.Invoke("dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? '"' + a + '"' : a)));

            var appOutput = new StringBuilder();
            var result = await ProcessRunner.RunAsync(
                    ProcessRunner.DotNetExecutable,
                    arguments,
                    onOutput: line =>
                    {
                        if (line.StartsWith(ProtocolJson.ProgressPrefix, StringComparison.Ordinal))
                        {
                            onProgress(Decode(line[ProtocolJson.ProgressPrefix.Length..]));
                        }
                        else if (line.StartsWith(ProtocolJson.LogPrefix, StringComparison.Ordinal))
                        {
                            verbose?.Invoke(Decode(line[ProtocolJson.LogPrefix.Length..]));
                        }
                        else
                        {
                            verbose?.Invoke(line);
                        }
                    },
                    onError: line =>
                    {
                        lock (appOutput)
                        {
                            appOutput.AppendLine(line);
                        }

                        verbose?.Invoke(line);
                    },
                    cancellationToken: cancellationToken)
                .ConfigureAwait(false);

            if (!File.Exists(request.ResultPath))
            {
                throw new ToolException(
                    ExitCodes.ProjectOrContext,
                    $"The tool could not run inside '{startup.Name}' (exit code {result.ExitCode}).",
                    "Check that the project targets .NET 10 and references EF Core 10, and that its build output is complete "
                    + "(run without --no-build). Run with --verbose for details.",
                    result.Combined.Trim());
            }

            var report = ProtocolJson.Deserialize<CommandReport>(await File.ReadAllTextAsync(request.ResultPath, cancellationToken).ConfigureAwait(false));
            if (report.Error is { } error && error.Details is null && appOutput.Length > 0 && request.Verbose)
            {
                error.Details = appOutput.ToString().Trim();
            }

            return report;
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static string Decode(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(json) ?? "";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static string LibraryRuntimeConfig()
        => $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{Environment.Version.Major}}.0",
                "rollForward": "Major",
                "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.Major}}.0.0" }
              }
            }
            """;
}
