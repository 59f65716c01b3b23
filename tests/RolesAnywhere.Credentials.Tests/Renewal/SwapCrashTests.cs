using System.Diagnostics;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// A renewal process killed in the middle of the swap: this test assembly runs itself as the child (its explicit
/// test <see cref="Child_RenewsAndHangsAtStep"/>), which renews with the real openssl and stops at a swap step; the
/// parent kills it there (SIGKILL), then checks that the files form a consistent pair once the next run has looked.
/// </summary>
public sealed class SwapCrashTests
{
    private const string FolderVariable = "RA_RENEWAL_CHILD_FOLDER";
    private const string StepVariable = "RA_RENEWAL_CHILD_STEP";
    private const string Marker = "child-stopped";

    [Theory]
    [InlineData("TemporariesWritten", false, null)]
    [InlineData("KeyReplaced", true, CertificateRenewalOutcome.RenewedElsewhere)]
    [InlineData("CertificateReplaced", true, CertificateRenewalOutcome.NotDue)]
    public async Task RenewIfDueAsync_ProcessKilledMidSwap_NextRunLeavesAConsistentPair(string step, bool committed, CertificateRenewalOutcome? outcome)
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var pair = world.Snapshot();
        using var old = world.CurrentCertificate();

        await KillChildAtAsync(world.Folder, step);

        if (!committed)
        {
            // Before the commit point the visible files were never touched.
            Assert.Equal(pair.Certificate, File.ReadAllBytes(world.CertificatePath));
            Assert.Equal(pair.Key, File.ReadAllBytes(world.KeyPath));
        }

        // The next run (whose CA would fail) recovers first: it completes a committed swap, or removes the leftovers.
        var next = new CertificateRenewer(world.Options(new CommandCertificateIssuer("false", [])));
        if (committed)
        {
            var result = await next.RenewIfDueAsync(TestContext.Current.CancellationToken);
            // Killed with the new key and the old certificate in place, the next run completes the swap; killed after the
            // certificate's rename, it finds the new (not due) pair and removes the journal.
            Assert.Equal(outcome, result.Outcome);
            Assert.NotEqual(old.SerialNumber, world.CurrentCertificate().SerialNumber);
            Assert.Equal(pair.Certificate, File.ReadAllBytes(world.CertificatePath + ".previous"));
            Assert.Equal(pair.Key, File.ReadAllBytes(world.KeyPath + ".previous"));
        }
        else
        {
            var ex = await Assert.ThrowsAsync<CertificateRenewalException>(() => next.RenewIfDueAsync(TestContext.Current.CancellationToken));
            Assert.Equal(CertificateRenewalStage.Issuance, ex.Stage);
            world.AssertUnchanged(pair);
        }

        using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
        Assert.Empty(Directory.GetFiles(world.Folder, ".*renewing"));
        Assert.Empty(Directory.GetFiles(world.Folder, ".*journal"));
    }

    /// <summary>The child: renews the pair in the folder the parent names, and hangs at the step it names until killed.</summary>
    [Fact(Explicit = true)]
    public async Task Child_RenewsAndHangsAtStep()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        var step = Enum.Parse<SwapStep>(Environment.GetEnvironmentVariable(StepVariable) ?? throw new InvalidOperationException($"{StepVariable} is not set: this test is run by RenewIfDueAsync_ProcessKilledMidSwap_NextRunLeavesAConsistentPair."));
        var renewer = new CertificateRenewer(new CertificateRenewalOptions
        {
            CertificatePath = Path.Combine(folder!, "client.pem"),
            PrivateKeyPath = Path.Combine(folder!, "client.key"),
            Issuer = new CommandCertificateIssuer("openssl", ["x509", "-req", "-CA", Path.Combine(folder!, "ca.pem"), "-CAkey", Path.Combine(folder!, "ca.key"), "-days", "30", "-copy_extensions", "copy"]),
        })
        {
            SwapObserver = s =>
            {
                if (s == step)
                {
                    File.WriteAllText(Path.Combine(folder!, Marker), s.ToString());
                    Thread.Sleep(Timeout.Infinite);
                }
            },
        };

        await renewer.RenewIfDueAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs the child renewal in <paramref name="folder"/> (which holds <c>ca.pem</c>/<c>ca.key</c> and the pair) and kills it with SIGKILL at <paramref name="step"/>.</summary>
    internal static async Task KillChildAtAsync(string folder, string step)
    {
        var assembly = typeof(SwapCrashTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { assembly, "-method", $"{typeof(SwapCrashTests).FullName}.{nameof(Child_RenewsAndHangsAtStep)}", "-explicit", "only", "-noLogo" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[FolderVariable] = folder;
        start.Environment[StepVariable] = step;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var marker = Path.Combine(folder, Marker);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!File.Exists(marker) && !child.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var stopped = File.Exists(marker);
        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true);
        }

        await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(stopped, $"the child did not reach {step}: {await output}{await errors}");
        File.Delete(marker);
    }
}
