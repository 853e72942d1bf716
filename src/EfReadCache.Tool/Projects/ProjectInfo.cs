namespace EfReadCache.Tool.Projects;

/// <summary>The MSBuild properties of a project that the tool needs to load its output.</summary>
internal sealed record ProjectInfo(
    string ProjectPath,
    string TargetPath,
    string DepsFilePath,
    string RuntimeConfigPath,
    string TargetFramework,
    string OutputType,
    IReadOnlyList<string> PackageFolders)
{
    public string Name => Path.GetFileNameWithoutExtension(ProjectPath);
}
