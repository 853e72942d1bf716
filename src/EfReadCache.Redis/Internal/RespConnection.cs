using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>
///     One blocking RESP connection for EF's synchronous paths. Every read and write is a blocking system call on the
///     calling thread, bounded by the socket timeouts (SO_RCVTIMEO, SO_SNDTIMEO), so a synchronous query never waits
///     for another thread-pool thread to run a completion (the failure mode of StackExchange.Redis 1.x under many
///     concurrent synchronous calls). The socket is never put in non-blocking mode (see <c>Connect</c>).
/// </remarks>
public sealed class RespConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly BufferedStream _reader;
    private readonly MemoryStream _command = new();

    private RespConnection(Socket socket, Stream stream)
    {
        _socket = socket;
        _stream = stream;
        _reader = new BufferedStream(stream, 16 * 1024);
    }

    /// <summary>Whether the connection failed and must not be reused.</summary>
    public bool Broken { get; private set; }

    /// <summary>Connects, authenticates and selects the database.</summary>
    /// <param name="endPoint">The server.</param>
    /// <param name="settings">Password, database, TLS and timeouts.</param>
    /// <returns>An open connection.</returns>
    public static RespConnection Open(EndPoint endPoint, RespSettings settings)
    {
        var (address, port, host) = Resolve(endPoint);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            Connect(socket, new IPEndPoint(address, port), settings.ConnectTimeout);
            socket.SendTimeout = (int)settings.OperationTimeout.TotalMilliseconds;
            socket.ReceiveTimeout = (int)settings.OperationTimeout.TotalMilliseconds;
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (settings.Ssl)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                ssl.AuthenticateAsClient(settings.SslHost ?? host);
                stream = ssl;
            }

            var connection = new RespConnection(socket, stream);
            if (!string.IsNullOrEmpty(settings.Password))
            {
                connection.Execute([Encoding.UTF8.GetBytes("AUTH"), Encoding.UTF8.GetBytes(settings.Password)]);
            }

            if (settings.Database is > 0 and var database)
            {
                connection.Execute([Encoding.UTF8.GetBytes("SELECT"), Encoding.UTF8.GetBytes(database.ToString(CultureInfo.InvariantCulture))]);
            }

            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends one command and reads its reply.</summary>
    /// <param name="arguments">The command and its arguments.</param>
    /// <returns>The reply: <see cref="long" />, <see cref="byte" /> array, string (status), <see langword="null" /> or an object array.</returns>
    /// <exception cref="RespErrorException">The server answered with an error; the connection stays usable.</exception>
    public object? Execute(IReadOnlyList<byte[]> arguments)
    {
        try
        {
            _command.SetLength(0);
            WriteHeader('*', arguments.Count);
            foreach (var argument in arguments)
            {
                WriteHeader('$', argument.Length);
                _command.Write(argument);
                _command.Write("\r\n"u8);
            }

            _stream.Write(_command.GetBuffer(), 0, (int)_command.Length);
            _stream.Flush();
            return ReadReply();
        }
        catch (RespErrorException)
        {
            throw;
        }
        catch
        {
            Broken = true;
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Broken = true;
        _reader.Dispose();
        _stream.Dispose();
        _socket.Dispose();
    }

    private static (IPAddress Address, int Port, string Host) Resolve(EndPoint endPoint)
        => endPoint switch
        {
            IPEndPoint ip => (ip.Address, ip.Port, ip.Address.ToString()),
            DnsEndPoint dns => (IPAddress.TryParse(dns.Host, out var parsed) ? parsed : Dns.GetHostAddresses(dns.Host)[0], dns.Port, dns.Host),
            _ => throw new NotSupportedException($"EfReadCache.Redis cannot connect to an endpoint of type {endPoint.GetType().Name}."),
        };

    // The socket must stay in blocking mode for its whole life: on Unix, .NET keeps a socket that was ever switched to
    // non-blocking mode non-blocking underneath and emulates blocking calls through its event loop, whose completions
    // run on the thread pool, which would bring back the very dependency these connections exist to avoid. So the
    // connect is a plain blocking connect, bounded by SO_SNDTIMEO (which Linux applies to connect).
    private static void Connect(Socket socket, IPEndPoint endPoint, TimeSpan timeout)
    {
        socket.SendTimeout = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        try
        {
            socket.Connect(endPoint);
        }
        catch (SocketException exception) when (exception.SocketErrorCode is SocketError.InProgress or SocketError.WouldBlock or SocketError.TimedOut)
        {
            throw new TimeoutException($"Connecting to Redis at {endPoint} took longer than {timeout.TotalMilliseconds:0} ms.", exception);
        }
    }

    private void WriteHeader(char kind, int count)
    {
        Span<byte> buffer = stackalloc byte[16];
        buffer[0] = (byte)kind;
        count.TryFormat(buffer[1..], out var written, provider: CultureInfo.InvariantCulture);
        buffer[1 + written] = (byte)'\r';
        buffer[2 + written] = (byte)'\n';
        _command.Write(buffer[..(3 + written)]);
    }

    private object? ReadReply()
    {
        var kind = _reader.ReadByte();
        switch (kind)
        {
            case '+':
                return ReadLine();
            case '-':
                throw new RespErrorException(ReadLine());
            case ':':
                return long.Parse(ReadLine(), CultureInfo.InvariantCulture);
            case '$':
            {
                var length = int.Parse(ReadLine(), CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                var bytes = new byte[length];
                _reader.ReadExactly(bytes);
                ReadCrLf();
                return bytes;
            }

            case '*':
            {
                var count = int.Parse(ReadLine(), CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return null;
                }

                var items = new object?[count];
                for (var i = 0; i < count; i++)
                {
                    // An error inside an array is returned as a value, so the rest of the reply is still consumed.
                    try
                    {
                        items[i] = ReadReply();
                    }
                    catch (RespErrorException error)
                    {
                        items[i] = error;
                    }
                }

                return items;
            }

            case -1:
                throw new EndOfStreamException("Redis closed the connection.");
            default:
                throw new InvalidDataException($"Unexpected RESP reply type '{(char)kind}'.");
        }
    }

    private string ReadLine()
    {
        var builder = new StringBuilder();
        while (true)
        {
            var b = _reader.ReadByte();
            if (b == -1)
            {
                throw new EndOfStreamException("Redis closed the connection.");
            }

            if (b == '\r')
            {
                if (_reader.ReadByte() != '\n')
                {
                    throw new InvalidDataException("Malformed RESP line.");
                }

                return builder.ToString();
            }

            builder.Append((char)b);
        }
    }

    private void ReadCrLf()
    {
        if (_reader.ReadByte() != '\r' || _reader.ReadByte() != '\n')
        {
            throw new InvalidDataException("Malformed RESP bulk string.");
        }
    }
}
