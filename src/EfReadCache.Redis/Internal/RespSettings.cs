using System.Net;

namespace EfReadCache.Redis.Internal;

/// <summary>
///     This is an internal API that supports the EfReadCache infrastructure and not subject to the same compatibility
///     standards as public APIs. It may be changed or removed without notice in any release.
/// </summary>
/// <remarks>How the blocking connections of the synchronous path reach the server.</remarks>
/// <param name="EndPoint">The server (the first endpoint of the configuration).</param>
/// <param name="Password">The password, if any.</param>
/// <param name="Database">The database number, if not 0.</param>
/// <param name="Ssl">Whether to use TLS.</param>
/// <param name="SslHost">The TLS host name, if it differs from the endpoint's.</param>
/// <param name="ConnectTimeout">The bound on connecting.</param>
/// <param name="OperationTimeout">The bound on each send and receive.</param>
public sealed record RespSettings(
    EndPoint EndPoint, string? Password, int? Database, bool Ssl, string? SslHost, TimeSpan ConnectTimeout, TimeSpan OperationTimeout);
