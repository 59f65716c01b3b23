namespace RolesAnywhere.Credentials.Refresh;

/// <summary>What a file looked like at one moment (last write time and length); a change means it was replaced or rewritten.</summary>
internal readonly record struct FileStamp(string Path, DateTime LastWriteUtc, long Length)
{
    /// <summary>Returns the stamp of <paramref name="path"/>; a missing file gets an empty stamp (so its reappearance counts as a change).</summary>
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(path, info.LastWriteTimeUtc, info.Length) : new FileStamp(path, DateTime.MinValue, -1);
    }

    /// <summary>Returns the stamps of the non-empty paths, in order.</summary>
    public static FileStamp[] Of(params string?[] paths) =>
        paths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Of(p!)).ToArray();
}
