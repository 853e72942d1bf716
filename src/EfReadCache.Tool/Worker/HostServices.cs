using System.Diagnostics;
using System.Reflection;

namespace EfReadCache.Tool.Worker;

/// <summary>
///     The application's service provider, built the way the application builds it, without running the application:
///     <c>Program.CreateHostBuilder(args)</c> (or <c>BuildWebHost</c>/<c>CreateWebHostBuilder</c>), else the entry point run
///     until it builds its host (minimal hosting), which is then stopped before it starts.
/// </summary>
internal sealed class HostServices : IDisposable
{
    private static readonly TimeSpan EntryPointTimeout = TimeSpan.FromMinutes(1);
    private readonly object host;

    private HostServices(object host, IServiceProvider services, string source)
    {
        this.host = host;
        Services = services;
        Source = source;
    }

    public IServiceProvider Services { get; }

    public string Source { get; }

    public static HostServices? TryCreate(Assembly startupAssembly, string[] args, WorkerChannel channel)
    {
        var programType = startupAssembly.EntryPoint?.DeclaringType;
        if (programType is null)
        {
            return null;
        }

        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        foreach (var name in new[] { "CreateHostBuilder", "CreateWebHostBuilder" })
        {
            if (programType.GetMethod(name, flags, [typeof(string[])]) is { } createBuilder)
            {
                channel.Log($"Building the host through {programType.Name}.{name}(args).");
                var builder = createBuilder.Invoke(null, [args]);
                var built = builder?.GetType().GetMethod("Build", Type.EmptyTypes)?.Invoke(builder, null);
                return FromHost(built, $"{programType.Name}.{name}");
            }
        }

        if (programType.GetMethod("BuildWebHost", flags, [typeof(string[])]) is { } buildWebHost)
        {
            channel.Log($"Building the host through {programType.Name}.BuildWebHost(args).");
            return FromHost(buildWebHost.Invoke(null, [args]), $"{programType.Name}.BuildWebHost");
        }

        // Minimal hosting: only for applications that use the generic host, since it runs the entry point.
        var usesHosting = startupAssembly.GetReferencedAssemblies()
            .Any(a => a.Name is not null && (a.Name.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal)
                || a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)));
        if (!usesHosting)
        {
            return null;
        }

        channel.Log("Running the application's entry point until it builds its host.");
        return FromHost(RunUntilHostBuilt(startupAssembly.EntryPoint!, args), "the entry point's host");
    }

    public void Dispose()
    {
        if (host is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static HostServices? FromHost(object? host, string source)
        => host?.GetType().GetProperty("Services")?.GetValue(host) is IServiceProvider services
            ? new HostServices(host, services, source)
            : null;

    private static object? RunUntilHostBuilt(MethodInfo entryPoint, string[] args)
    {
        var built = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(built));

        var thread = new Thread(() =>
        {
            try
            {
                var parameters = entryPoint.GetParameters().Length == 0 ? null : new object[] { args };
                var result = entryPoint.Invoke(null, parameters);
                if (result is Task task)
                {
                    task.GetAwaiter().GetResult();
                }

                built.TrySetResult(null);
            }
            catch (Exception ex) when (DbContextLocator.Unwrap(ex) is StopTheHostException)
            {
                // The host was captured; the application stops here, before it runs.
            }
            catch (Exception ex)
            {
                built.TrySetException(DbContextLocator.Unwrap(ex));
            }
        })
        {
            IsBackground = true,
            Name = "dotnet-readcache entry point",
        };
        thread.Start();

        if (!built.Task.Wait(EntryPointTimeout))
        {
            return null;
        }

        return built.Task.Result;
    }

    private sealed class StopTheHostException : Exception
    {
    }

    private sealed class ListenerObserver(TaskCompletionSource<object?> built) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting")
            {
                listener.Subscribe(new EventObserver(built));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver(TaskCompletionSource<object?> built) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "HostBuilt" && built.TrySetResult(value.Value))
            {
                throw new StopTheHostException();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
