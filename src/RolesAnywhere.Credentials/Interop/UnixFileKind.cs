namespace RolesAnywhere.Credentials.Interop;

/// <summary>The kinds of file <c>stat(2)</c> tells apart.</summary>
internal enum UnixFileKind
{
    Unknown,
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}
