namespace RolesAnywhere.Credentials.Audit.Records;

/// <summary>The documented kinds of <c>sourceIPAddress</c> values (<see cref="SourceAddress"/>), and the rest.</summary>
internal enum SourceAddressKind
{
    IpAddress,
    AwsService,
    AwsInternal,
    Missing,
    Unrecognized,
}
