using System.Text;
using Microsoft.Win32.SafeHandles;
using RolesAnywhere.Credentials.Interop;
using RolesAnywhere.Credentials.IO;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// Replaces a certificate, its key and its intermediates on disk so that a crash at any moment leaves a pair that
/// belongs together, and the previous pair as <c>*.previous</c>:
/// <list type="number">
/// <item>the new files and copies of the current ones are written under temporary names in the same directories,
/// each created exclusively without following links (a file or link planted there is an error, never written
/// through), with the current files' owner and group and mode — the key always owner-only (0600) — and flushed to
/// disk (<see cref="SwapStep.TemporariesWritten"/>);</item>
/// <item>a journal is written, flushed and renamed into place: the commit point (<see cref="SwapStep.Committed"/>);</item>
/// <item>each temporary file is renamed over its target, key first and certificate last, and the directories flushed;</item>
/// <item>the journal is removed (<see cref="SwapStep.Completed"/>).</item>
/// </list>
/// A crash before the commit leaves the current pair and stray temporary files, which <see cref="Recover"/> deletes;
/// a crash after it leaves a journal, and <see cref="Recover"/> completes the renames. Callers hold the renewal lock.
/// </summary>
internal sealed class PairSwap
{
    private const string TemporarySuffix = ".renewing";
    private const string PreviousSuffix = ".previous";

    private readonly Target[] _targets;
    private readonly string _journal;
    private readonly Action<SwapStep>? _observer;

    private PairSwap(Target key, Target? intermediates, Target certificate, Action<SwapStep>? observer)
    {
        Key = key;
        Intermediates = intermediates;
        Certificate = certificate;
        _targets = intermediates is null ? [key, certificate] : [key, intermediates, certificate];
        _journal = Hidden(certificate.Path, ".renewal-journal");
        LockPath = Hidden(certificate.Path, ".renewal-lock");
        _observer = observer;
    }

    public Target Key { get; }

    public Target? Intermediates { get; }

    public Target Certificate { get; }

    /// <summary>Gets the lock file renewers of these files share, next to the certificate.</summary>
    public string LockPath { get; }

    /// <summary>Gets the directories the swap writes in (those of the files, after links are followed, and of the journal).</summary>
    public IReadOnlyList<string> Directories =>
        _targets.Select(t => Path.GetDirectoryName(t.Path)!).Append(Path.GetDirectoryName(_journal)!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Gets whether a swap's journal is on disk: it was committed and not completed (a renewer is renaming, or one was interrupted).</summary>
    public bool IsCommitted => File.Exists(_journal);

    /// <summary>Gets whether an interrupted swap left a journal or temporary files behind.</summary>
    public bool NeedsRecovery => File.Exists(_journal) || _targets.Any(t => File.Exists(t.Temporary) || File.Exists(t.PreviousTemporary));

    /// <summary>Names the files of a swap; symbolic links are followed, so the files they point to are replaced and the links stay.</summary>
    public static PairSwap For(string certificatePath, string keyPath, string? intermediatesPath, Action<SwapStep>? observer = null) =>
        new(new Target(Resolve(keyPath), isKey: true), intermediatesPath is null ? null : new Target(Resolve(intermediatesPath)), new Target(Resolve(certificatePath)), observer);

    /// <summary>Completes a swap whose journal is on disk, or removes the temporary files of one that did not reach it.</summary>
    /// <returns><see langword="true"/> when an interrupted swap was completed.</returns>
    public bool Recover()
    {
        var completed = false;
        if (File.Exists(_journal))
        {
            foreach (var target in _targets)
            {
                MoveIfPresent(target.PreviousTemporary, target.Previous);
            }

            foreach (var target in _targets)
            {
                MoveIfPresent(target.Temporary, target.Path);
            }

            FlushDirectories();
            File.Delete(_journal);
            FlushDirectory(Path.GetDirectoryName(_journal)!);
            completed = true;
        }

        Discard();
        return completed;
    }

    /// <summary>Writes the new files and copies of the current ones under temporary names, flushed, with the current files' mode and ownership.</summary>
    /// <exception cref="IOException">A write failed (disk full, read-only file system); call <see cref="Discard"/>.</exception>
    /// <exception cref="UnauthorizedAccessException">A directory is not writable; call <see cref="Discard"/>.</exception>
    public void WriteTemporaries(ReadOnlySpan<byte> certificatePem, Action<Stream> writeKey, string? intermediatesPem)
    {
        Discard();
        Write(Key, writeKey);
        var certificate = certificatePem.ToArray();
        Write(Certificate, s => s.Write(certificate));
        if (Intermediates is not null && intermediatesPem is not null)
        {
            Write(Intermediates, s => s.Write(Encoding.ASCII.GetBytes(intermediatesPem)));
        }

        foreach (var target in _targets)
        {
            if (File.Exists(target.Temporary) && File.Exists(target.Path))
            {
                var current = File.ReadAllBytes(target.Path);
                Write(target, target.PreviousTemporary, s => s.Write(current));
            }
        }

        _observer?.Invoke(SwapStep.TemporariesWritten);
        _observer?.Invoke(SwapStep.PreviousKept);
    }

    /// <summary>Commits and performs the renames (key, intermediates, certificate), then removes the journal.</summary>
    /// <exception cref="IOException">Writing the journal failed (nothing changed; call <see cref="Discard"/>), or a rename failed after the commit (call <see cref="Recover"/>).</exception>
    public void Commit()
    {
        var pending = _journal + TemporarySuffix;
        using (var journal = OwnerOnlyFile.CreateExclusive(pending))
        {
            var text = new StringBuilder();
            foreach (var target in _targets.Where(t => File.Exists(t.Temporary)))
            {
                text.Append(target.Temporary).Append('\t').Append(target.Path).Append('\n');
            }

            journal.Write(Encoding.UTF8.GetBytes(text.ToString()));
            journal.Flush(flushToDisk: true);
        }

        File.Move(pending, _journal, overwrite: true);
        FlushDirectory(Path.GetDirectoryName(_journal)!);
        _observer?.Invoke(SwapStep.Committed);

        foreach (var target in _targets)
        {
            MoveIfPresent(target.PreviousTemporary, target.Previous);
        }

        MoveIfPresent(Key.Temporary, Key.Path);
        _observer?.Invoke(SwapStep.KeyReplaced);
        if (Intermediates is not null)
        {
            MoveIfPresent(Intermediates.Temporary, Intermediates.Path);
            _observer?.Invoke(SwapStep.IntermediatesReplaced);
        }

        MoveIfPresent(Certificate.Temporary, Certificate.Path);
        FlushDirectories();
        _observer?.Invoke(SwapStep.CertificateReplaced);

        File.Delete(_journal);
        FlushDirectory(Path.GetDirectoryName(_journal)!);
        _observer?.Invoke(SwapStep.Completed);
    }

    /// <summary>Deletes the temporary files of a swap that was not committed (and a half-written journal).</summary>
    public void Discard()
    {
        if (File.Exists(_journal))
        {
            // Committed: the temporary files are the new pair's only copy until renamed; Recover completes the swap.
            return;
        }

        foreach (var target in _targets)
        {
            DeleteQuietly(target.Temporary);
            DeleteQuietly(target.PreviousTemporary);
        }

        DeleteQuietly(_journal + TemporarySuffix);
    }

    private static void Write(Target target, Action<Stream> write) => Write(target, target.Temporary, write);

    /// <summary>Creates <paramref name="temporary"/> exclusively (owner-only, no link followed), writes it, gives it the owner and mode it is to have, and flushes it.</summary>
    private static void Write(Target target, string temporary, Action<Stream> write)
    {
        using var stream = OwnerOnlyFile.CreateExclusive(temporary);
        write(stream);
        stream.Flush();
        Finish(target, stream.SafeFileHandle);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Gives the open temporary file the owner and group of the file it will replace, and its mode — owner-only for
    /// the key, whatever the current key's mode — through the handle, never the name.
    /// </summary>
    private static void Finish(Target target, SafeFileHandle file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(target.Path))
        {
            return;
        }

        if (OperatingSystem.IsLinux())
        {
            var (owner, group) = UnixFile.GetOwner(target.Path);
            if (UnixFile.TryStat(file) is { } status && (status.OwnerId, status.GroupId) != (owner, group))
            {
                try
                {
                    UnixFile.SetOwner(file, owner, group);
                }
                catch (IOException ex)
                {
                    throw new IOException($"'{target.Path}' belongs to user {owner}, group {group}, which this process cannot give the new file ({ex.Message}); run the renewal as that user or as root.", ex);
                }
            }
        }

        File.SetUnixFileMode(file, target.IsKey ? OwnerOnlyFile.FileMode : File.GetUnixFileMode(target.Path));
    }

    private static void MoveIfPresent(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Move(from, to, overwrite: true);
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray temporary file is removed by the next run's recovery.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private void FlushDirectories()
    {
        foreach (var directory in _targets.Select(t => Path.GetDirectoryName(t.Path)!).Distinct(StringComparer.Ordinal))
        {
            FlushDirectory(directory);
        }
    }

    private static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsLinux())
        {
            UnixFile.FlushDirectory(directory);
        }
    }

    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
    }

    private static string Hidden(string path, string suffix) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + suffix);

    /// <summary>One file of the pair and the names used while it is replaced.</summary>
    internal sealed class Target(string path, bool isKey = false)
    {
        public string Path { get; } = path;

        /// <summary>Gets whether this is the private key, always written owner-only.</summary>
        public bool IsKey { get; } = isKey;

        public string Temporary { get; } = Hidden(path, TemporarySuffix);

        public string Previous { get; } = path + PreviousSuffix;

        public string PreviousTemporary { get; } = Hidden(path, PreviousSuffix + TemporarySuffix);
    }
}
