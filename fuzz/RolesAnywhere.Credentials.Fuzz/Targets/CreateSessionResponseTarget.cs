using System.Net;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Fuzz.Targets;

/// <summary>The body of a 201 CreateSession answer: what the service (or anything posing as it) sends.</summary>
internal static class CreateSessionResponseTarget
{
    public static readonly FuzzTarget Target = new("create-session-response", "CreateSessionResponseParser.Parse", Run);

    private static void Run(byte[] data)
    {
        try
        {
            var credentials = CreateSessionResponseParser.Parse(data, HttpStatusCode.Created, "fuzz-request", DateTimeOffset.UnixEpoch);
            if (credentials.AccessKeyId.Length == 0 || credentials.SecretAccessKey.Length == 0 || credentials.SessionToken.Length == 0)
            {
                throw new FuzzFailure("accepted credentials with an empty part");
            }
        }
        catch (RolesAnywhereServiceException)
        {
        }
    }
}
