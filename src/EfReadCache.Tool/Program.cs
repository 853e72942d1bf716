using EfReadCache.Tool.Cli;
using EfReadCache.Tool.Worker;

namespace EfReadCache.Tool;

/// <summary>
///     The entry point. Users run the command line; the tool then runs itself a second time, as a worker, inside the
///     application's own dependency context (its deps.json and runtimeconfig.json), the way <c>dotnet ef</c> does.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [WorkerEntry.Verb, var requestPath])
        {
            // Before any type of EF Core or the migrator is touched: assemblies the application does not have
            // (the migrator, if the application does not reference it) come from the tool's own folder.
            WorkerAssemblyResolver.Install();
            return await WorkerEntry.RunAsync(requestPath).ConfigureAwait(false);
        }

        return await ToolCommandLine.RunAsync(args).ConfigureAwait(false);
    }
}
