using System.Net;
using System.Net.Http.Headers;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>
/// The CreateSession request body, exactly as signed (<c>application/json</c>, no charset parameter), which tells its
/// attempt when the transport starts writing it: that is when the attempt's timeout starts.
/// </summary>
internal sealed class SignedBody : ByteArrayContent
{
    private readonly AttemptTimeout _timeout;

    public SignedBody(byte[] body, AttemptTimeout timeout)
        : base(body)
    {
        _timeout = timeout;
        // Exactly "application/json": no charset parameter (what is signed must equal what is sent).
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _timeout.Start();
        base.SerializeToStream(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _timeout.Start();
        return base.SerializeToStreamAsync(stream, context);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _timeout.Start();
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }
}
