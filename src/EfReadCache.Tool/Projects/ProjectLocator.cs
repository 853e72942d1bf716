namespace EfReadCache.Tool.Projects;

/// <summary>Finds the project file from a <c>--project</c> or <c>--startup-project</c> value, like <c>dotnet ef</c>.</summary>
internal static class ProjectLocator
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    /// <summary>Resolves a project file path from a file, a directory, or (when null) the current directory.</summary>
    /// <param name="value">The option value.</param>
    /// <param name="optionName">The option, for messages.</param>
    /// <returns>The full path of the project file.</returns>
    public static string Resolve(string? value, string optionName)
    {
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? Environment.CurrentDirectory : value);
        if (File.Exists(path))
        {
            if (!ProjectExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                throw new ToolException(
                    ExitCodes.ProjectOrContext,
                    $"'{path}' is not a project file.",
                    $"Pass a .csproj file, or the folder that contains one, to {optionName}.");
            }

            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"No project found: '{path}' does not exist.",
                $"Pass the path of your application's .csproj (or its folder) to {optionName}.");
        }

        var projects = Directory.EnumerateFiles(path)
            .Where(f => ProjectExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"No project found in '{path}'.",
                $"Run the command in your application's project folder, or pass {optionName} path/to/App.csproj."),
            _ => throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"'{path}' contains several projects: {string.Join(", ", projects.Select(Path.GetFileName))}.",
                $"Pick one with {optionName} {Path.Combine(path, Path.GetFileName(projects[0]))}."),
        };
    }
}
