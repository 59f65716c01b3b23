namespace RolesAnywhere.Credentials.Testing.Sessions;

/// <summary>Temporary credentials the emulator handed out, kept so its STS answer can verify calls signed with them.</summary>
internal sealed record IssuedSession(
    string AccessKeyId,
    string SecretAccessKey,
    string SessionToken,
    DateTimeOffset Expiration,
    string AssumedRoleArn,
    string AssumedRoleId,
    string AccountId);
