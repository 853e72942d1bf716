using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EfReadCache.Tests.Infrastructure;

namespace EfReadCache.Tests.Redis;

/// <summary>
///     A private redis-server (installed by build/services.sh) on a free loopback port, for tests that kill, restart or
///     flush Redis. The shared server on 56379 is never touched.
/// </summary>
public sealed class RedisProcess : IDisposable
{
    public const string Password = "efrc-private";

    private Process? _process;

    private readonly string? _dataDirectory;

    private RedisProcess(int port, string? dataDirectory = null)
    {
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port},password={Password}";

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A server that is not running yet: start it with <see cref="Start" />.</summary>
    public static RedisProcess NotStarted() => new(FreePort());

    public static RedisProcess Started()
    {
        var server = NotStarted();
        server.Start();
        return server;
    }

    /// <summary>A server that loads dump.rdb from its own directory at start (SAVE writes it), like a Redis restored from disk.</summary>
    public static RedisProcess StartedWithPersistence()
    {
        var directory = Path.Combine(Path.GetTempPath(), "efrc-redis-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var server = new RedisProcess(FreePort(), directory);
        server.Start();
        return server;
    }

    public void Start()
    {
        var binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "redis-server is not installed. Run `build/services.sh start` (it installs it with apt)."
                + (TestEnvironment.IsCi ? " With CI=true this is a failure, not a skip." : ""));
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", Password,
                     "--dir", _dataDirectory ?? Path.GetTempPath(), "--dbfilename", _dataDirectory is null ? "efrc-unused-" + Port + ".rdb" : "dump.rdb",
                     "--protected-mode", "no",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!Answers())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new InvalidOperationException($"redis-server did not start on port {Port} (exited: {_process.HasExited}).");
            }

            Thread.Sleep(20); // waiting for a process to listen, not synchronizing test threads
        }
    }

    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open and nothing answers, like a hung Redis.</summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            Resume();
        }

        Kill();
        if (_dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, _process!.Id.ToString() }, UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} failed for redis-server {_process.Id}.");
        }
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            stream.ReadTimeout = 1000;
            var command = "AUTH " + Password + "\r\nPING\r\n";
            stream.Write(System.Text.Encoding.ASCII.GetBytes(command));
            var buffer = new byte[64];
            var read = 0;
            while (read < 12)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    return false;
                }

                read += n;
            }

            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains("PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            return false;
        }
    }
}
