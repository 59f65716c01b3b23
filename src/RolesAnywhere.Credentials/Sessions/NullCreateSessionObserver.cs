namespace RolesAnywhere.Credentials.Sessions;

/// <summary>The observer used when nobody listens.</summary>
internal sealed class NullCreateSessionObserver : ICreateSessionObserver
{
    public static readonly NullCreateSessionObserver Instance = new();

    private NullCreateSessionObserver()
    {
    }
}
