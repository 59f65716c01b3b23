using RolesAnywhere.Credentials.IO;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// Another local user next to the key: symbolic links planted under the names the swap uses, after it removed the
/// leftovers (planted from inside the write of the new key, so the timing is exact), a key shared too widely, and a
/// directory others can write to.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PlantedFileTests
{
    [Fact]
    public void WriteTemporaries_LinkPlantedAtThePreviousKeysTemporaryName_RefusedOldKeyNotWrittenThroughIt()
    {
        using var world = RenewalWorld.Due();
        var stolen = Path.Combine(world.Folder, "attacker", "stolen");
        Directory.CreateDirectory(Path.GetDirectoryName(stolen)!);
        File.WriteAllText(stolen, string.Empty);
        var swap = PairSwap.For(world.CertificatePath, world.KeyPath, null);

        Assert.Throws<IOException>(() => swap.WriteTemporaries("certificate"u8, s =>
        {
            s.Write("new key"u8);
            File.CreateSymbolicLink(swap.Key.PreviousTemporary, stolen);
        }, null));

        Assert.Empty(File.ReadAllBytes(stolen));
        swap.Discard();
    }

    [Fact]
    public void Commit_LinkPlantedAtTheJournalsTemporaryName_RefusedTheLinkedFileUntouched()
    {
        using var world = RenewalWorld.Due();
        var victim = Path.Combine(world.Folder, "victim");
        File.WriteAllText(victim, "precious");
        var pair = world.Snapshot();
        var swap = PairSwap.For(world.CertificatePath, world.KeyPath, null);
        var journalTemporary = Path.Combine(world.Folder, ".client.pem.renewal-journal.renewing");
        swap.WriteTemporaries("certificate"u8, s =>
        {
            s.Write("new key"u8);
            File.CreateSymbolicLink(journalTemporary, victim);
        }, null);

        Assert.Throws<IOException>(swap.Commit);

        Assert.Equal("precious", File.ReadAllText(victim));
        swap.Discard();
        world.AssertUnchanged(pair);
    }

    [Fact]
    public void CreateExclusive_PlantedLinkOrFile_RefusedNothingWrittenOrCreated()
    {
        var folder = Directory.CreateTempSubdirectory("ra-planted-").FullName;
        try
        {
            var target = Path.Combine(folder, "target");
            File.WriteAllText(target, "kept");
            var link = Path.Combine(folder, "link");
            File.CreateSymbolicLink(link, target);
            var dangling = Path.Combine(folder, "dangling");
            File.CreateSymbolicLink(dangling, Path.Combine(folder, "would-be-created"));

            Assert.Throws<IOException>(() => OwnerOnlyFile.CreateExclusive(link));
            Assert.Throws<IOException>(() => OwnerOnlyFile.CreateExclusive(dangling));
            Assert.Throws<IOException>(() => OwnerOnlyFile.CreateExclusive(target));

            Assert.Equal("kept", File.ReadAllText(target));
            Assert.False(File.Exists(Path.Combine(folder, "would-be-created")));
            using (var created = OwnerOnlyFile.CreateExclusive(Path.Combine(folder, "new")))
            {
                created.Write("x"u8);
            }

            Assert.Equal(OwnerOnlyFile.FileMode, File.GetUnixFileMode(Path.Combine(folder, "new")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RenewIfDueAsync_KeyWasWorldReadable_NewKeyAndPreviousOwnerOnlyWithAWarning()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        File.SetUnixFileMode(world.KeyPath, OwnerOnlyFile.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var logs = new Hosting.CapturingLoggerProvider();

        var result = await new CertificateRenewer(world.Options(world.OpenSslIssuer()), TimeProvider.System, logs.CreateLogger("test")).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Equal(OwnerOnlyFile.FileMode, File.GetUnixFileMode(world.KeyPath));
        Assert.Equal(OwnerOnlyFile.FileMode, File.GetUnixFileMode(world.KeyPath + ".previous"));
        var warning = Assert.Single(logs.Entries, e => e.EventId.Name == "RenewalKeyModeNarrowed");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("had mode 0644", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupWrite, "its group")]
    [InlineData(UnixFileMode.OtherWrite, "all users")]
    public async Task RenewIfDueAsync_DirectoryWritableByOthers_RefusedBeforeAnythingIsWritten(UnixFileMode extra, string who)
    {
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        File.SetUnixFileMode(world.Folder, OwnerOnlyFile.DirectoryMode | extra);
        var files = Directory.GetFileSystemEntries(world.Folder).Order(StringComparer.Ordinal).ToList();

        var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() =>
            new CertificateRenewer(world.Options(new CommandCertificateIssuer("false", []))).RenewNowAsync(TestContext.Current.CancellationToken));

        Assert.Equal(CertificateRenewalStage.Configuration, ex.Stage);
        Assert.Contains($"the directory '{world.Folder}' is writable by {who}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 700 '{world.Folder}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(files, Directory.GetFileSystemEntries(world.Folder).Order(StringComparer.Ordinal).ToList()); // not even the lock file
        world.AssertUnchanged(pair);
        File.SetUnixFileMode(world.Folder, OwnerOnlyFile.DirectoryMode);
    }
}
