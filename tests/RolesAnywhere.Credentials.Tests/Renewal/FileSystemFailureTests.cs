using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Interop;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>Renewals where the disk says no: a read-only directory, a full disk; and files owned by another user.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileSystemFailureTests
{
    [Fact]
    public async Task RenewIfDueAsync_ReadOnlyDirectory_ClearError_BeforeAskingTheCa_OldPairIntact()
    {
        Mounts.RequireRoot();
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        var asked = Path.Combine(Path.GetTempPath(), "ra-renewal-asked-" + Guid.NewGuid().ToString("N"));
        Mounts.MakeReadOnly(world.Folder);
        try
        {
            var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(CommandCertificateIssuer.Shell($"touch '{asked}'; exit 1"))).RenewIfDueAsync(TestContext.Current.CancellationToken));

            Assert.Equal(CertificateRenewalStage.Swap, ex.Stage);
            Assert.Contains($"The directory '{world.Folder}' cannot be written", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Read-only file system", ex.Message, StringComparison.Ordinal);
            Assert.Contains("nothing was replaced", ex.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(asked), "the CA was asked although the new files could not have been written");
            world.AssertUnchanged(pair);
        }
        finally
        {
            Mounts.Unmount(world.Folder);
        }
    }

    [Fact]
    public async Task RenewIfDueAsync_DiskFull_ClearError_OldPairIntact_NoTemporaryFilesLeft()
    {
        Mounts.RequireRoot();
        RenewalWorld.RequireOpenSsl();
        var folder = Directory.CreateTempSubdirectory("ra-renewal-full-").FullName;
        Mounts.MountTmpfs(folder, kilobytes: 64);
        try
        {
            using var world = RenewalWorld.Due(folder: folder);
            var pair = world.Snapshot();
            Mounts.Fill(folder);

            var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => new CertificateRenewer(world.Options(world.OpenSslIssuer())).RenewIfDueAsync(TestContext.Current.CancellationToken));

            Assert.Equal(CertificateRenewalStage.Swap, ex.Stage);
            Assert.Contains("No space left on device", ex.Message, StringComparison.Ordinal);
            Assert.Contains("the current pair is untouched", ex.Message, StringComparison.Ordinal);
            world.AssertUnchanged(pair);
            Assert.Empty(Directory.GetFiles(folder, "*.previous"));
        }
        finally
        {
            Mounts.Unmount(folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task RenewIfDueAsync_FilesOwnedByAnotherUser_NewFilesKeepOwnerAndGroup_KeyOwnerOnly()
    {
        Mounts.RequireRoot();
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        UnixFile.SetOwner(world.CertificatePath, 4321, 4322);
        UnixFile.SetOwner(world.KeyPath, 4321, 4322);
        File.SetUnixFileMode(world.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var result = await new CertificateRenewer(world.Options(world.OpenSslIssuer())).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.Equal((4321u, 4322u), UnixFile.GetOwner(world.CertificatePath));
        Assert.Equal((4321u, 4322u), UnixFile.GetOwner(world.KeyPath));
        Assert.Equal((4321u, 4322u), UnixFile.GetOwner(world.KeyPath + ".previous"));
        // The key is owner-only whatever the old mode (a warning says the old one was wider).
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(world.KeyPath));
        using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
    }

    [Fact]
    public async Task RenewIfDueAsync_CertificateIsASymlink_TheTargetIsReplacedAndTheLinkKept()
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var link = Path.Combine(world.Folder, "current.pem");
        File.CreateSymbolicLink(link, world.CertificatePath);
        var options = world.Options(world.OpenSslIssuer());
        options.CertificatePath = link;

        var result = await new CertificateRenewer(options).RenewIfDueAsync(TestContext.Current.CancellationToken);

        Assert.Equal(CertificateRenewalOutcome.Renewed, result.Outcome);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(result.Serial, world.CurrentCertificate().SerialNumber);
    }
}
