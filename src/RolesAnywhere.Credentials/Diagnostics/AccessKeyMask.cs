namespace RolesAnywhere.Credentials.Diagnostics;

/// <summary>
/// How an access key id appears wherever it is shown (logs, <c>--debug</c>, <c>ToString</c>): its last 4
/// characters, the rest as <c>*</c>, like <c>aws configure list</c> — enough to tell two sets apart, not
/// enough to use or search for one. Ids of 4 characters or fewer are fully masked.
/// </summary>
internal static class AccessKeyMask
{
    private const int Shown = 4;

    public static string Mask(string accessKeyId) =>
        accessKeyId.Length <= Shown
            ? new string('*', accessKeyId.Length)
            : string.Concat(new string('*', accessKeyId.Length - Shown), accessKeyId.AsSpan(accessKeyId.Length - Shown));
}
