using EfReadCache.Tool.Projects;

namespace EfReadCache.Tool.Tests.Unit;

public sealed class ProjectLocatorTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("efrc-locator-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_folder_with_one_project_resolves_to_it()
    {
        var project = Touch("App.csproj");
        Touch("README.md");

        Assert.Equal(project, ProjectLocator.Resolve(directory, "--project"));
    }

    [Fact]
    public void A_project_file_resolves_to_itself()
    {
        var project = Touch("App.csproj");

        Assert.Equal(project, ProjectLocator.Resolve(project, "--project"));
    }

    [Fact]
    public void A_folder_without_a_project_is_an_actionable_error()
    {
        var error = Assert.Throws<ToolException>(() => ProjectLocator.Resolve(directory, "--project"));

        Assert.Equal(ExitCodes.ProjectOrContext, error.ExitCode);
        Assert.Contains("No project found", error.Message);
        Assert.Contains("--project", error.Hint);
    }

    [Fact]
    public void A_folder_with_several_projects_asks_to_pick_one()
    {
        Touch("A.csproj");
        Touch("B.csproj");

        var error = Assert.Throws<ToolException>(() => ProjectLocator.Resolve(directory, "--startup-project"));

        Assert.Equal(ExitCodes.ProjectOrContext, error.ExitCode);
        Assert.Contains("A.csproj, B.csproj", error.Message);
        Assert.Contains("--startup-project", error.Hint);
    }

    [Fact]
    public void A_missing_path_or_a_file_that_is_not_a_project_is_an_error()
    {
        var missing = Assert.Throws<ToolException>(() => ProjectLocator.Resolve(Path.Combine(directory, "nope"), "--project"));
        var notProject = Assert.Throws<ToolException>(() => ProjectLocator.Resolve(Touch("Program.cs"), "--project"));

        Assert.Contains("does not exist", missing.Message);
        Assert.Contains("is not a project file", notProject.Message);
    }

    private string Touch(string name)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "<Project />");
        return path;
    }
}
