using System.Security.Cryptography;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.Renewal;

namespace RolesAnywhere.Credentials.Tests.Renewal;

/// <summary>
/// A renewal killed (SIGKILL, in a child process) in every window of the swap, then the pair read by an entry point:
/// the library's loader (what the library at start, credential-process, serve and update use) or the next renewal.
/// Each must find one consistent pair — the old one before the commit point, the new one after — and no leftovers.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SwapRecoveryTests
{
    /// <summary>Every window of the swap (PreviousKept is reported at the same point as TemporariesWritten).</summary>
    public static TheoryData<string, string> Windows() => new()
    {
        { nameof(SwapStep.TemporariesWritten), "library" },
        { nameof(SwapStep.Committed), "library" },
        { nameof(SwapStep.KeyReplaced), "library" },
        { nameof(SwapStep.CertificateReplaced), "library" },
        { nameof(SwapStep.Committed), "renewer" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task EntryPoint_RenewalKilledInTheWindow_FindsOneConsistentPair(string step, string entryPoint)
    {
        RenewalWorld.RequireOpenSsl();
        using var world = RenewalWorld.Due();
        var old = world.Snapshot();

        await SwapCrashTests.KillChildAtAsync(world.Folder, step);
        var state = await ReadAsync(world, entryPoint);

        var committed = Enum.Parse<SwapStep>(step) >= SwapStep.Committed;
        Assert.Equal(committed ? PairState.New : PairState.Old, Classify(world, old, state));
        Assert.Empty(Directory.GetFiles(world.Folder, ".*renewing"));
        Assert.Empty(Directory.GetFiles(world.Folder, ".*journal"));
    }

    /// <summary>
    /// The bounded kill loop: <c>Rounds</c> rounds, each killing a renewal in every window and reading the pair with
    /// every entry point; counts mismatched pairs (key and certificate not together), lost pairs (a file missing, or a
    /// pair that is neither the old nor the new one) and unfinished swaps (the old pair after the commit point, the
    /// new one before it, or a journal or temporary file left behind).
    /// </summary>
    [Fact]
    public async Task KillLoop_EveryWindowEveryReader_NoMismatchedLostOrUnfinishedPair()
    {
        const int Rounds = 2;
        RenewalWorld.RequireOpenSsl();
        SwapStep[] windows = [SwapStep.TemporariesWritten, SwapStep.Committed, SwapStep.KeyReplaced, SwapStep.CertificateReplaced];
        string[] entryPoints = ["library", "renewer"];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var kills = 0;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var window in windows)
            {
                foreach (var entryPoint in entryPoints)
                {
                    using var world = RenewalWorld.Due();
                    var old = world.Snapshot();
                    await SwapCrashTests.KillChildAtAsync(world.Folder, window.ToString());
                    kills++;
                    var state = Classify(world, old, await ReadAsync(world, entryPoint));
                    var expected = window >= SwapStep.Committed ? PairState.New : PairState.Old;
                    var leftovers = Directory.GetFiles(world.Folder, ".*renewing").Length + Directory.GetFiles(world.Folder, ".*journal").Length;
                    var outcome = state is PairState.Mismatched or PairState.Lost ? state.ToString() : state != expected || leftovers != 0 ? "Unfinished" : state.ToString();
                    counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                }
            }
        }

        var report = $"kills {kills}: " + string.Join(", ", new[] { "Old", "New", "Mismatched", "Lost", "Unfinished" }.Select(s => $"{s} {counts.GetValueOrDefault(s)}"));
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(counts.GetValueOrDefault("Mismatched") == 0 && counts.GetValueOrDefault("Lost") == 0 && counts.GetValueOrDefault("Unfinished") == 0, report);
        Assert.Equal(kills, counts.GetValueOrDefault("Old") + counts.GetValueOrDefault("New"));
    }

    private static async Task<Exception?> ReadAsync(RenewalWorld world, string entryPoint)
    {
        try
        {
            if (entryPoint == "library")
            {
                using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
            }
            else
            {
                // The next renewal (its CA fails: only its recovery and its reading of the pair count).
                await new CertificateRenewer(world.Options(new CommandCertificateIssuer("false", []))).RenewIfDueAsync(TestContext.Current.CancellationToken);
            }

            return null;
        }
        catch (Exception ex) when (ex is RolesAnywhereException)
        {
            return ex;
        }
    }

    /// <summary>What the files on disk are now: the old pair, the new pair, a key and certificate that do not belong together, or lost.</summary>
    private static PairState Classify(RenewalWorld world, (byte[] Certificate, byte[] Key) old, Exception? readFailure)
    {
        if (!File.Exists(world.CertificatePath) || !File.Exists(world.KeyPath))
        {
            return PairState.Lost;
        }

        var certificate = File.ReadAllBytes(world.CertificatePath);
        var key = File.ReadAllBytes(world.KeyPath);
        if (certificate.AsSpan().SequenceEqual(old.Certificate) && key.AsSpan().SequenceEqual(old.Key))
        {
            return PairState.Old;
        }

        try
        {
            using var identity = SigningIdentity.FromFiles(world.CertificatePath, world.KeyPath);
            return !certificate.AsSpan().SequenceEqual(old.Certificate) && !key.AsSpan().SequenceEqual(old.Key) ? PairState.New : PairState.Lost;
        }
        catch (Exception ex) when (ex is RolesAnywhereException or CryptographicException)
        {
            _ = readFailure;
            return PairState.Mismatched;
        }
    }

    private enum PairState
    {
        Old,
        New,
        Mismatched,
        Lost,
    }
}
