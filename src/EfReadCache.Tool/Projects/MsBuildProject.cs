using System.Text.Json;

namespace EfReadCache.Tool.Projects;

/// <summary>Reads a project's properties and builds it through the .NET SDK (<c>dotnet msbuild</c>, <c>dotnet build</c>).</summary>
internal static class MsBuildProject
{
    private static readonly string[] Properties =
    [
        "TargetPath", "ProjectDepsFilePath", "ProjectRuntimeConfigFilePath", "TargetFramework", "TargetFrameworks",
        "OutputType", "NuGetPackageFolders",
    ];

    /// <summary>Evaluates the project (no build) for the given configuration and target framework.</summary>
    public static async Task<ProjectInfo> EvaluateAsync(
        string projectPath, string configuration, string? framework, Action<string>? verbose, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "msbuild", projectPath, "-nologo" };
        arguments.AddRange(Properties.Select(p => "-getProperty:" + p));
        arguments.Add("-p:Configuration=" + configuration);
        if (!string.IsNullOrEmpty(framework))
        {
            arguments.Add("-p:TargetFramework=" + framework);
        }

        verbose?.Invoke("dotnet " + string.Join(' ', arguments));
        var result = await ProcessRunner.RunAsync(ProcessRunner.DotNetExecutable, arguments, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"MSBuild could not read the project '{projectPath}'.",
                "Check that the project file is valid: run 'dotnet build' on it to see the error.",
                result.Combined.Trim());
        }

        var values = ParseProperties(result.StandardOutput);
        string Get(string name) => values.TryGetValue(name, out var value) ? value : "";

        if (Get("TargetFramework").Length == 0)
        {
            var frameworks = Get("TargetFrameworks");
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                frameworks.Length > 0
                    ? $"The project '{Path.GetFileName(projectPath)}' targets several frameworks ({frameworks})."
                    : $"The project '{Path.GetFileName(projectPath)}' has no target framework.",
                frameworks.Length > 0
                    ? $"Pick one with --framework {frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries)[0]}."
                    : "Set <TargetFramework> in the project file.");
        }

        return new ProjectInfo(
            projectPath,
            Get("TargetPath"),
            Get("ProjectDepsFilePath"),
            Get("ProjectRuntimeConfigFilePath"),
            Get("TargetFramework"),
            Get("OutputType"),
            Get("NuGetPackageFolders").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Builds the project, printing nothing unless it fails, when the output is attached to the error.</summary>
    public static async Task BuildAsync(
        string projectPath, string configuration, string? framework, Action<string>? verbose, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "build", projectPath, "-nologo", "-c", configuration };
        if (!string.IsNullOrEmpty(framework))
        {
            arguments.Add("-f");
            arguments.Add(framework);
        }

        verbose?.Invoke("dotnet " + string.Join(' ', arguments));
        var result = await ProcessRunner.RunAsync(
                ProcessRunner.DotNetExecutable, arguments, onOutput: verbose, onError: verbose, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var errors = result.Combined
                .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.Contains(": error ", StringComparison.Ordinal))
                .Distinct()
                .Take(20)
                .ToList();
            throw new ToolException(
                ExitCodes.BuildFailed,
                $"The build of '{Path.GetFileName(projectPath)}' failed"
                + (errors.Count > 0 ? ":" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors) : "."),
                $"Fix the errors and run the command again (reproduce with: dotnet build \"{projectPath}\" -c {configuration}). "
                + "Pass --no-build to use the last successful build.",
                result.Combined.Trim());
        }
    }

    internal static Dictionary<string, string> ParseProperties(string output)
    {
        // A single -getProperty prints the bare value; several print {"Properties": {...}}.
        var start = output.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return new Dictionary<string, string>();
        }

        using var document = JsonDocument.Parse(output[start..]);
        return document.RootElement.GetProperty("Properties")
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
    }
}
