using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>
/// An STS AssumeRole made with the credentials of a certificate's role session (role chaining,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining): the
/// certificate, the session it was made from, and the call (<see cref="LinkedCall.TargetRoleArn"/> is the role asked for).
/// </summary>
internal sealed record RoleChain(
    CertificateSerialNumber Serial,
    string? Subject,
    string? FromRoleArn,
    RoleSessionKey FromSession,
    LinkedCall Call,
    int Depth);
