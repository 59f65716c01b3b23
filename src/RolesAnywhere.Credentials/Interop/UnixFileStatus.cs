namespace RolesAnywhere.Credentials.Interop;

/// <summary>A file's kind, owner, group and permission bits, as <see cref="UnixFile"/> reads them.</summary>
internal readonly record struct UnixFileStatus(UnixFileKind Kind, uint OwnerId, uint GroupId, UnixFileMode Permissions)
{
    /// <summary>Gets how messages name a file of this kind that is not a regular file, such as "a FIFO (named pipe)".</summary>
    public string KindPhrase => Kind switch
    {
        UnixFileKind.Regular => "a regular file",
        UnixFileKind.Directory => "a directory",
        UnixFileKind.SymbolicLink => "a symbolic link",
        UnixFileKind.Fifo => "a FIFO (named pipe)",
        UnixFileKind.CharacterDevice => "a character device",
        UnixFileKind.BlockDevice => "a block device",
        UnixFileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
