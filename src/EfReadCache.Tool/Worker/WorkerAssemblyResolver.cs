using System.Reflection;
using System.Runtime.Loader;

namespace EfReadCache.Tool.Worker;

/// <summary>
///     In the worker, the application's deps.json decides which assemblies load: its EF Core, its provider, its
///     EfReadCache. Assemblies the application does not have (the migrator, when the application does not reference
///     it) are loaded from the tool's own folder, and bind to the application's EF Core.
/// </summary>
internal static class WorkerAssemblyResolver
{
    private static int installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 1)
        {
            return;
        }

        var toolDirectory = Path.GetDirectoryName(typeof(WorkerAssemblyResolver).Assembly.Location)!;
        AssemblyLoadContext.Default.Resolving += (context, name) => Resolve(context, name, toolDirectory);
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name, string toolDirectory)
    {
        if (name.Name is null)
        {
            return null;
        }

        var candidate = Path.Combine(toolDirectory, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
    }
}
