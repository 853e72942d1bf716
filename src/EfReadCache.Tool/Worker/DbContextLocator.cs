using System.Reflection;
using System.Runtime.Loader;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace EfReadCache.Tool.Worker;

/// <summary>
///     Finds the application's DbContext types and creates one, the way <c>dotnet ef</c> does: through an
///     <see cref="IDesignTimeDbContextFactory{TContext}" />, else the application's host (its service provider), else a
///     constructor the tool can satisfy.
/// </summary>
internal sealed class DbContextLocator
{
    private readonly IReadOnlyList<Type> types;
    private readonly Assembly? startupAssembly;
    private readonly string targetName;
    private readonly string[] appArgs;
    private readonly WorkerChannel channel;
    private HostServices? host;
    private bool hostTried;

    /// <summary>Creates a locator over the given types.</summary>
    /// <param name="types">The types to look for contexts and design-time factories in.</param>
    /// <param name="startupAssembly">The assembly whose host may provide the context, or <see langword="null" /> for none.</param>
    /// <param name="targetName">The project's name, for messages.</param>
    /// <param name="appArgs">Arguments for the factory or the host.</param>
    /// <param name="channel">Where to log.</param>
    public DbContextLocator(IReadOnlyList<Type> types, Assembly? startupAssembly, string targetName, string[] appArgs, WorkerChannel channel)
    {
        this.types = types;
        this.startupAssembly = startupAssembly;
        this.targetName = targetName;
        this.appArgs = appArgs;
        this.channel = channel;
    }

    /// <summary>A locator over the types of the target and startup assemblies.</summary>
    public static DbContextLocator FromAssemblies(Assembly startupAssembly, Assembly targetAssembly, string[] appArgs, WorkerChannel channel)
        => new(
            new[] { targetAssembly, startupAssembly }.Distinct().SelectMany(LoadableTypes).ToList(),
            startupAssembly,
            targetAssembly.GetName().Name ?? "the project",
            appArgs,
            channel);

    /// <summary>Loads an application assembly: from the application's dependency context when it is there, else from its path.</summary>
    public static Assembly LoadAssembly(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var name = AssemblyName.GetAssemblyName(fullPath);
        try
        {
            return Assembly.Load(name);
        }
        catch (FileNotFoundException)
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }

    /// <summary>Every non-abstract DbContext in the target and startup assemblies, with its design-time factory.</summary>
    public IReadOnlyList<ContextCandidate> FindContexts()
    {
        var factories = new Dictionary<Type, Type>();
        foreach (var type in types.Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false, IsInterface: false }))
        {
            foreach (var contract in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)))
            {
                factories.TryAdd(contract.GetGenericArguments()[0], type);
            }
        }

        return types
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .Concat(factories.Keys)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => new ContextCandidate(t, factories.GetValueOrDefault(t)))
            .ToList();
    }

    /// <summary>Picks the context named by <c>--context</c>, or the only one.</summary>
    public ContextCandidate Select(string? name)
    {
        var candidates = FindContexts();
        var list = string.Join(", ", candidates.Select(c => c.ContextType.Name));
        if (!string.IsNullOrWhiteSpace(name))
        {
            var matches = candidates.Where(c => string.Equals(c.ContextType.FullName, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count == 0)
            {
                matches = candidates.Where(c => string.Equals(c.ContextType.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new ToolException(
                    ExitCodes.ProjectOrContext,
                    $"No DbContext named '{name}' was found in {targetName}.",
                    candidates.Count > 0 ? $"The contexts found are: {list}. Pass one of them to --context." : NoContextHint()),
                _ => throw new ToolException(
                    ExitCodes.ProjectOrContext,
                    $"Several DbContexts are named '{name}': {string.Join(", ", matches.Select(m => m.ContextType.FullName))}.",
                    "Pass the full name (with its namespace) to --context."),
            };
        }

        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"No DbContext was found in {targetName}.",
                NoContextHint()),
            _ => throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"More than one DbContext was found: {list}.",
                $"Pick one with --context, for example --context {candidates[0].ContextType.Name}."),
        };
    }

    /// <summary>Creates the context: factory, else host, else constructor.</summary>
    public CreatedContext Create(ContextCandidate candidate)
    {
        var contextType = candidate.ContextType;
        if (candidate.FactoryType is { } factoryType)
        {
            channel.Log($"Creating {contextType.Name} with {factoryType.FullName}.");
            var context = Invoke(
                () =>
                {
                    var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
                    var method = typeof(IDesignTimeDbContextFactory<>).MakeGenericType(contextType).GetMethod("CreateDbContext")!;
                    return (DbContext)method.Invoke(factory, [appArgs])!;
                },
                contextType,
                $"its design-time factory {factoryType.Name}",
                $"Fix {factoryType.Name}.CreateDbContext so that it can run outside the application "
                + "(configuration, environment variables), or pass --connection.");
            return new CreatedContext(context, $"design-time factory {factoryType.Name}");
        }

        if (GetHost() is { } services)
        {
            var scope = services.Services.CreateScope();
            var fromHost = Invoke(
                () => (DbContext?)scope.ServiceProvider.GetService(contextType)
                    ?? (scope.ServiceProvider.GetService(typeof(IDbContextFactory<>).MakeGenericType(contextType)) is { } dbContextFactory
                        ? (DbContext)dbContextFactory.GetType().GetMethod("CreateDbContext", Type.EmptyTypes)!.Invoke(dbContextFactory, null)!
                        : null),
                contextType,
                "the application's service provider",
                $"Fix the registration of {contextType.Name} (AddDbContext) so that it can run outside the application, "
                + "or add an IDesignTimeDbContextFactory.");
            if (fromHost is not null)
            {
                return new CreatedContext(fromHost, "the application's service provider (" + services.Source + ")", [scope]);
            }

            scope.Dispose();
        }

        var constructed = Invoke(
            () => Construct(contextType),
            contextType,
            "a constructor",
            $"Add an IDesignTimeDbContextFactory<{contextType.Name}> to the project, register the context in the application's host, "
            + "or give it a parameterless constructor (or one taking DbContextOptions) and configure the provider in OnConfiguring.");
        return new CreatedContext(constructed, "its constructor");
    }

    /// <summary>Disposes the application's host, if one was built.</summary>
    public void DisposeHost() => host?.Dispose();

    private HostServices? GetHost()
    {
        if (!hostTried && startupAssembly is not null)
        {
            hostTried = true;
            try
            {
                host = HostServices.TryCreate(startupAssembly, appArgs, channel);
            }
            catch (Exception ex)
            {
                channel.Log("The application's host could not be built: " + Unwrap(ex).Message);
            }
        }

        return host;
    }

    private static DbContext Construct(Type contextType)
    {
        var constructors = contextType.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        if (constructors.FirstOrDefault(c => c.GetParameters().Length == 0) is { } parameterless)
        {
            return (DbContext)parameterless.Invoke(null);
        }

        foreach (var constructor in constructors)
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length == 1 && typeof(DbContextOptions).IsAssignableFrom(parameters[0].ParameterType))
            {
                var builderType = typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType);
                var builder = (DbContextOptionsBuilder)Activator.CreateInstance(builderType)!;
                return (DbContext)constructor.Invoke([builder.Options]);
            }
        }

        throw new ToolException(
            ExitCodes.ProjectOrContext,
            $"{contextType.Name} has no constructor the tool can call (none is parameterless or takes only DbContextOptions).",
            $"Add an IDesignTimeDbContextFactory<{contextType.Name}> to the project, or register the context in the application's host.");
    }

    private static DbContext Invoke(Func<DbContext?> create, Type contextType, string how, string hint)
    {
        DbContext? context;
        try
        {
            context = create();
        }
        catch (Exception ex) when (ex is not ToolException)
        {
            var inner = Unwrap(ex);
            throw new ToolException(
                ExitCodes.ProjectOrContext,
                $"{contextType.Name} could not be created through {how}: {inner.Message}",
                hint,
                inner.ToString(),
                inner);
        }

        return context ?? throw new ToolException(
            ExitCodes.ProjectOrContext,
            $"{contextType.Name} could not be created through {how}: it returned null.",
            hint);
    }

    internal static Exception Unwrap(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }

    private static string NoContextHint()
        => "Point --project at the project that defines your DbContext (and --startup-project at the application that runs it), "
            + "and make sure it references Microsoft.EntityFrameworkCore.";

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.Where(t => t is not null)!;
        }
    }
}
