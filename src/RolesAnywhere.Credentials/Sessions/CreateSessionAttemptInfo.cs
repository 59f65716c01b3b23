using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Sessions;

/// <summary>What an observer learns about one CreateSession attempt.</summary>
internal sealed class CreateSessionAttemptInfo
{
    public CreateSessionAttemptInfo(int number, int maxAttempts, Uri endpoint, DateTimeOffset signingTime, X509Certificate2 certificate)
    {
        Number = number;
        MaxAttempts = maxAttempts;
        Endpoint = endpoint;
        SigningTime = signingTime;
        Certificate = certificate;
    }

    /// <summary>Gets the attempt number, 1 for the first.</summary>
    public int Number { get; }

    public int MaxAttempts { get; }

    public Uri Endpoint { get; }

    /// <summary>Gets the <c>X-Amz-Date</c> this attempt was signed with.</summary>
    public DateTimeOffset SigningTime { get; }

    /// <summary>Gets the certificate that signed the attempt (its public part only is of interest).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Gets or sets what an observer keeps between <c>AttemptStarted</c> and <c>AttemptEnded</c> (an activity, a timer).</summary>
    public object? ObserverState { get; set; }
}
