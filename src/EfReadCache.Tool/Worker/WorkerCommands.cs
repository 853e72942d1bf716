using EfReadCache.Tool.Protocol;

namespace EfReadCache.Tool.Worker;

/// <summary>Loads the application's assemblies and runs the requested command against its DbContext.</summary>
internal static class WorkerCommands
{
    public static async Task<CommandReport> RunAsync(WorkerRequest request, WorkerChannel channel, CancellationToken cancellationToken)
    {
        channel.Progress("Loading " + Path.GetFileName(request.StartupAssemblyPath));
        var startup = DbContextLocator.LoadAssembly(request.StartupAssemblyPath);
        var target = string.Equals(request.TargetAssemblyPath, request.StartupAssemblyPath, StringComparison.Ordinal)
            ? startup
            : DbContextLocator.LoadAssembly(request.TargetAssemblyPath);
        var locator = DbContextLocator.FromAssemblies(startup, target, request.AppArgs, channel);
        try
        {
            return request.Command == ToolCommand.Doctor
                ? await DoctorRunner.RunAsync(request, locator, channel, cancellationToken).ConfigureAwait(false)
                : await MigrateRunner.RunAsync(request, locator, channel, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            locator.DisposeHost();
        }
    }
}
