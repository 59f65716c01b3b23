namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>
/// The shared credentials file cannot be read the way botocore and the AWS CLI read it, or could not be
/// rewritten without changing something other than the profile's keys. The file is left as it was. The
/// message names the line and the fix, never a line's content (it may hold a secret).
/// </summary>
internal sealed class CredentialsFileException : Exception
{
    public CredentialsFileException(string message)
        : base(message)
    {
    }

    public CredentialsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
