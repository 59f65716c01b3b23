using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using RolesAnywhere.Credentials.Diagnostics;
using RolesAnywhere.Credentials.Identity;
using RolesAnywhere.Credentials.IO;
using RolesAnywhere.Credentials.KeySources;
using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// Renews a certificate and key held in files: when the certificate is due (or when asked), makes a new key, asks
/// the configured CA to sign a CSR for it, proves the result, and swaps the new pair in atomically, keeping the
/// previous one as <c>*.previous</c>. A certificate that fails any check never replaces the current pair.
/// </summary>
/// <remarks>
/// Renewers of the same files, in this process or others, take turns through a lock file next to the certificate;
/// the one that waited finds the new pair and leaves it alone. A swap interrupted by a crash is completed (or undone,
/// before its commit point) by the next run. See <c>docs/renewal.md</c> for the safety argument.
/// </remarks>
public sealed partial class CertificateRenewer
{
    private readonly string _certificatePath;
    private readonly string _keyPath;
    private readonly string? _intermediatesPath;
    private readonly string? _password;
    private readonly ICertificateIssuer _issuer;
    private readonly double _renewAt;
    private readonly double _jitter;
    private readonly RenewalKeyAlgorithm _keyAlgorithm;
    private readonly string? _trustAnchorPath;
    private readonly bool _acceptIdentityChanges;
    private readonly bool _acceptIssuerChange;
    private readonly TimeSpan _lockTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RolesAnywhereAWSCredentials? _credentials;
    private readonly RolesAnywhereMetrics _metrics;

    /// <summary>
    /// Initializes a new instance; the settings are copied and checked now. With <paramref name="credentials"/>, it renews
    /// the files those credentials sign with: each new pair is proven with one CreateSession with the credentials'
    /// settings before it is installed, and the credentials switch to it as soon as it is. Without, the new pair is
    /// checked (key, validity, names, chain) but not tried against the service.
    /// </summary>
    /// <param name="options">The files (those of <paramref name="credentials"/>, if given), the CA and the schedule.</param>
    /// <param name="credentials">The credentials using the certificate and key files, or <see langword="null"/>.</param>
    /// <param name="loggerFactory">Where to log each renewal and failure (category <c>RolesAnywhere.Credentials</c>), or <see langword="null"/>.</param>
    /// <remarks>
    /// The renewer does not own <see cref="CertificateRenewalOptions.Issuer"/>: dispose it (a
    /// <see cref="CfsslCertificateIssuer"/>) when done with the renewer. <see cref="RunAsync"/> keeps the certificate
    /// renewed in the background.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="CertificateRenewalException">A setting is missing or invalid (<see cref="CertificateRenewalStage.Configuration"/>); the message lists every problem.</exception>
    public CertificateRenewer(CertificateRenewalOptions options, RolesAnywhereAWSCredentials? credentials = null, ILoggerFactory? loggerFactory = null)
        : this(options, TimeProvider.System, loggerFactory?.CreateLogger(RolesAnywhereTelemetry.Name), credentials)
    {
    }

    internal CertificateRenewer(CertificateRenewalOptions options, TimeProvider time, ILogger? logger, RolesAnywhereAWSCredentials? credentials = null, RolesAnywhereMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            failures.Add("CertificatePath is required: the certificate file to renew.");
        }

        if (string.IsNullOrWhiteSpace(options.PrivateKeyPath))
        {
            failures.Add("PrivateKeyPath is required: the key file to replace with a new key (a certificate file holding its key, or PKCS#12, cannot be renewed in place).");
        }
        else if (SigningKeySourceResolver.IsReference(options.PrivateKeyPath))
        {
            failures.Add($"PrivateKeyPath '{options.PrivateKeyPath}' names a key in a PKCS#11 token or a TPM. Renewal makes software keys only and will not replace a hardware key with a file; generate the new key on the device with its own tools and install the certificate the CA issues for it.");
        }

        if (options.Issuer is null)
        {
            failures.Add("Issuer is required: a CommandCertificateIssuer, a CfsslCertificateIssuer or your own ICertificateIssuer.");
        }

        if (!(options.RenewAt > 0 && options.RenewAt < 1))
        {
            failures.Add($"RenewAt must be a fraction of the lifetime between 0 and 1 (exclusive), such as 0.67; it is {options.RenewAt}.");
        }

        if (!(options.Jitter >= 0 && options.Jitter <= 0.2))
        {
            failures.Add($"Jitter must be between 0 and 0.2 of the lifetime; it is {options.Jitter}.");
        }

        if (!Enum.IsDefined(options.KeyAlgorithm))
        {
            failures.Add($"KeyAlgorithm {options.KeyAlgorithm} is not supported; use Same, EcP256, EcP384, Rsa2048, Rsa3072 or Rsa4096.");
        }

        if (options.LockTimeout < TimeSpan.Zero)
        {
            failures.Add("LockTimeout cannot be negative.");
        }

        if (failures.Count != 0)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Configuration, string.Join(Environment.NewLine, failures));
        }

        _certificatePath = options.CertificatePath!;
        _keyPath = options.PrivateKeyPath!;
        _intermediatesPath = string.IsNullOrWhiteSpace(options.IntermediatesPath) ? null : options.IntermediatesPath;
        _password = options.PrivateKeyPassword;
        _issuer = options.Issuer!;
        _renewAt = options.RenewAt;
        _jitter = options.Jitter;
        _keyAlgorithm = options.KeyAlgorithm;
        _trustAnchorPath = string.IsNullOrWhiteSpace(options.TrustAnchorCertificatePath) ? null : options.TrustAnchorCertificatePath;
        _acceptIdentityChanges = options.AcceptIdentityChanges;
        _acceptIssuerChange = options.AcceptIssuerChange;
        _lockTimeout = options.LockTimeout;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _credentials = credentials;
        _metrics = metrics ?? RolesAnywhereMetrics.Shared;
        SessionProof = credentials?.SessionCheck;
    }

    /// <summary>Gets or sets a test seam called after each step of the swap.</summary>
    internal Action<SwapStep>? SwapObserver { get; set; }

    /// <summary>
    /// Gets or sets the last proof before the swap, given the new pair as loaded from its temporary files (for
    /// example one CreateSession); throwing stops the renewal with <see cref="CertificateRenewalStage.Session"/>.
    /// </summary>
    internal Func<SigningIdentity, CancellationToken, Task>? SessionProof { get; set; }

    /// <summary>Returns when the certificate now on disk is due for renewal.</summary>
    /// <returns>The due time.</returns>
    /// <exception cref="CertificateRenewalException">The certificate file cannot be read.</exception>
    public DateTimeOffset GetDueTime()
    {
        using var certificate = ReadCertificate();
        return DueAt(certificate);
    }

    /// <summary>Renews the certificate if it is due; otherwise changes nothing.</summary>
    /// <param name="cancellationToken">Cancels the renewal (before the swap's commit point, nothing changes).</param>
    /// <returns>What was done.</returns>
    /// <exception cref="CertificateRenewalException">The renewal failed; <see cref="CertificateRenewalException.Stage"/> says where, and the current pair is still in place.</exception>
    public Task<CertificateRenewalResult> RenewIfDueAsync(CancellationToken cancellationToken = default) => RunOnceAsync(force: false, cancellationToken);

    /// <summary>Renews the certificate now, due or not.</summary>
    /// <param name="cancellationToken">Cancels the renewal (before the swap's commit point, nothing changes).</param>
    /// <returns>What was done.</returns>
    /// <exception cref="CertificateRenewalException">The renewal failed; <see cref="CertificateRenewalException.Stage"/> says where, and the current pair is still in place.</exception>
    public Task<CertificateRenewalResult> RenewNowAsync(CancellationToken cancellationToken = default) => RunOnceAsync(force: true, cancellationToken);

    private async Task<CertificateRenewalResult> RunCoreAsync(bool force, CancellationToken cancellationToken)
    {
        var swap = PairSwap.For(_certificatePath, _keyPath, _intermediatesPath, SwapObserver);
        string seenSerial;
        DateTimeOffset seenNotAfter;
        using (var seen = ReadCertificate())
        {
            seenSerial = seen.SerialNumber;
            seenNotAfter = RenewalSchedule.NotAfter(seen);
            Saw(seen);
            if (!force && !swap.NeedsRecovery && _time.GetUtcNow() < DueAt(seen))
            {
                return Unchanged(CertificateRenewalOutcome.NotDue, seen, seen.SerialNumber);
            }
        }

        try
        {
            return await RenewSeenAsync(swap, seenSerial, force, cancellationToken).ConfigureAwait(false);
        }
        catch (CertificateRenewalException ex)
        {
            RenewalLog.Failed(_logger, ex.Stage, seenSerial, seenNotAfter, ex);
            throw;
        }
    }

    /// <summary>Under the lock: completes an interrupted swap, then renews the pair on disk if it is still the one seen and due.</summary>
    private async Task<CertificateRenewalResult> RenewSeenAsync(PairSwap swap, string seenSerial, bool force, CancellationToken cancellationToken)
    {
        CheckDirectories(swap);
        using var turn = await RenewalLock.AcquireAsync(swap.LockPath, _lockTimeout, _time, cancellationToken).ConfigureAwait(false);
        if (Recover(swap))
        {
            RenewalLog.Recovered(_logger, _certificatePath);
        }

        using var current = LoadCurrent();
        var leaf = current.Certificate;
        if (!string.Equals(leaf.SerialNumber, seenSerial, StringComparison.OrdinalIgnoreCase))
        {
            RenewalLog.RenewedElsewhere(_logger, seenSerial, leaf.SerialNumber);
            return Unchanged(CertificateRenewalOutcome.RenewedElsewhere, leaf, seenSerial);
        }

        if (!force && _time.GetUtcNow() < DueAt(leaf))
        {
            return Unchanged(CertificateRenewalOutcome.NotDue, leaf, seenSerial);
        }

        if (RenewalSchedule.NotAfter(leaf) < _time.GetUtcNow())
        {
            RenewalLog.RenewingExpired(_logger, leaf.SerialNumber, RenewalSchedule.NotAfter(leaf));
        }

        return await RenewAsync(swap, current, force, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CertificateRenewalResult> RenewAsync(PairSwap swap, SigningIdentity current, bool force, CancellationToken cancellationToken)
    {
        var leaf = current.Certificate;
        using var trustAnchor = ReadTrustAnchor();
        using var key = RenewalKey.Create(_keyAlgorithm, leaf);
        var request = key.CreateRequest(leaf.SubjectName, SubjectAlternativeNames.Extension(leaf));
        var issued = await IssueAsync(request, cancellationToken).ConfigureAwait(false);
        var changes = IssuedCertificateCheck.Run(issued, key, request, leaf, current.Intermediates, trustAnchor, _acceptIdentityChanges, _acceptIssuerChange, force, _time.GetUtcNow());
        var (certificatePem, intermediatesPem) = Pem(issued, current);
        WarnIfKeyWasShared(swap.Key.Path);
        try
        {
            swap.WriteTemporaries(Encoding.ASCII.GetBytes(certificatePem), s => key.WritePkcs8(s, _password), intermediatesPem);
            using (var proven = LoadProposed(swap))
            {
                if (SessionProof is { } prove)
                {
                    await ProveAsync(prove, proven, cancellationToken).ConfigureAwait(false);
                }
            }

            Commit(swap);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            swap.Discard();
            throw new CertificateRenewalException(CertificateRenewalStage.Swap, $"Writing the new files next to '{swap.Certificate.Path}' failed ({ex.Message}); the current pair is untouched. Free space or fix the directory's permissions, then renew again.", ex);
        }
        catch
        {
            swap.Discard();
            throw;
        }

        var result = new CertificateRenewalResult(CertificateRenewalOutcome.Renewed, leaf.SerialNumber, issued.Certificate.SerialNumber, RenewalSchedule.NotAfter(issued.Certificate), DueAt(issued.Certificate), changes);
        RenewalLog.Renewed(_logger, result.PreviousSerial, result.Serial, result.NotAfter, result.DueAt);
        foreach (var change in changes)
        {
            RenewalLog.Changed(_logger, result.Serial, change);
        }

        return result;
    }

    private async Task<IssuedCertificate> IssueAsync(CertificateSigningRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await (_issuer is CommandCertificateIssuer command
                ? command.IssueAsync(request, _logger, cancellationToken)
                : _issuer.IssueAsync(request, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not CertificateRenewalException and not OperationCanceledException)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Issuance, $"The issuer ({_issuer.GetType().Name}) failed: {PrintableText.Of(ex.Message)}. Nothing was replaced.", ex);
        }
    }

    private static async Task ProveAsync(Func<SigningIdentity, CancellationToken, Task> prove, SigningIdentity proposed, CancellationToken cancellationToken)
    {
        try
        {
            await prove(proposed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RolesAnywhereException and not CertificateRenewalException)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Session, $"session check failed: CreateSession with the new certificate (serial {proposed.Certificate.SerialNumber}) did not succeed: {ex.Message} Nothing was replaced.", ex);
        }
    }

    /// <summary>Commits the swap; after a failure past the commit point, completes it from the journal.</summary>
    private static void Commit(PairSwap swap)
    {
        try
        {
            swap.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                swap.Recover();
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                throw new CertificateRenewalException(CertificateRenewalStage.Swap, $"Replacing the files next to '{swap.Certificate.Path}' failed half-way ({ex.Message}) and could not be completed ({again.Message}); the next renewal run completes it from the journal.", ex);
            }

            throw;
        }
    }

    /// <summary>
    /// Refuses to write next to the pair in a directory another user could write to (or owns): they could plant links or
    /// files under the names the swap uses, read the new key or redirect a write (see docs/renewal.md).
    /// </summary>
    private static void CheckDirectories(PairSwap swap)
    {
        var problems = swap.Directories
            .Select(d => OwnerOnlyFile.UntrustedDirectory(d, rootMayOwn: true, "Keep the certificate and key in a directory of the user that renews them (or of root)."))
            .OfType<string>()
            .ToList();
        if (problems.Count != 0)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Configuration, $"The key and certificate are not renewed in place: {string.Join(" ", problems)} Nothing was replaced.");
        }
    }

    /// <summary>The new key is written owner-only whatever the old one's mode; a wider old mode is worth a warning (the old key may have been read).</summary>
    private void WarnIfKeyWasShared(string keyPath)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(keyPath))
        {
            var mode = File.GetUnixFileMode(keyPath);
            if ((mode & ~OwnerOnlyFile.FileMode) != 0)
            {
                RenewalLog.KeyModeNarrowed(_logger, keyPath, OwnerOnlyFile.Octal(mode));
            }
        }
    }

    private static bool Recover(PairSwap swap)
    {
        try
        {
            return swap.Recover();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Swap, $"An interrupted renewal of '{swap.Certificate.Path}' cannot be completed ({ex.Message}); fix the directory and run again.", ex);
        }
    }

    private (string Certificate, string? Intermediates) Pem(IssuedCertificate issued, SigningIdentity current)
    {
        // Intermediates go where they were: their own file, or after the certificate in its file.
        var chain = issued.Chain.Where(c => !IsSelfSigned(c)).ToList();
        var intermediates = chain.Count != 0 ? chain : current.Intermediates.ToList();
        var text = new StringBuilder(PemEncoding.WriteString("CERTIFICATE", issued.Certificate.RawData)).Append('\n');
        if (_intermediatesPath is not null)
        {
            return (text.ToString(), chain.Count == 0 ? null : Bundle(chain));
        }

        foreach (var certificate in current.Intermediates.Count == 0 ? [] : intermediates)
        {
            text.Append(PemEncoding.WriteString("CERTIFICATE", certificate.RawData)).Append('\n');
        }

        return (text.ToString(), null);
    }

    private static string Bundle(IEnumerable<X509Certificate2> certificates) =>
        string.Concat(certificates.Select(c => PemEncoding.WriteString("CERTIFICATE", c.RawData) + "\n"));

    private static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);

    private DateTimeOffset DueAt(X509Certificate2 certificate) => RenewalSchedule.DueAt(certificate, _renewAt, _jitter);

    private CertificateRenewalResult Unchanged(CertificateRenewalOutcome outcome, X509Certificate2 certificate, string previousSerial) =>
        new(outcome, previousSerial, certificate.SerialNumber, RenewalSchedule.NotAfter(certificate), DueAt(certificate), []);

    private X509Certificate2 ReadCertificate() => CertificateFile.ReadFirst(_certificatePath, "CertificatePath");

    private X509Certificate2? ReadTrustAnchor() =>
        _trustAnchorPath is null ? null : CertificateFile.ReadFirst(_trustAnchorPath, "TrustAnchorCertificatePath");

    /// <summary>
    /// Loads the pair on disk with every check of the credentials' loader; an expired certificate is checked as it was at
    /// its last valid moment instead of refused: a CA may still sign a CSR from a new key, and that is the way back for
    /// a workload whose renewal failed until the certificate ran out (the CA decides; see docs/renewal.md).
    /// </summary>
    private SigningIdentity LoadCurrent()
    {
        TimeProvider clock = _time;
        using (var onDisk = ReadCertificate())
        {
            var notAfter = RenewalSchedule.NotAfter(onDisk);
            if (notAfter < _time.GetUtcNow())
            {
                clock = new FixedTime(notAfter);
            }
        }

        try
        {
            return SigningIdentityLoader.Load(Options(_certificatePath, _keyPath, _intermediatesPath), clock);
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Configuration, $"The current certificate and key cannot be used ({ex.Message}); renewal starts from a working pair.", ex);
        }
    }

    /// <summary>Loads the new pair from its temporary files with the same loader the credentials use: what is proven is exactly what will be installed.</summary>
    private SigningIdentity LoadProposed(PairSwap swap)
    {
        var intermediates = swap.Intermediates is { } i ? (File.Exists(i.Temporary) ? i.Temporary : i.Path) : null;
        try
        {
            return SigningIdentityLoader.Load(Options(swap.Certificate.Temporary, swap.Key.Temporary, intermediates), _time);
        }
        catch (RolesAnywhereConfigurationException ex)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Verification, $"load check failed: the new files do not load as a working pair ({ex.Message}). Nothing was replaced.", ex);
        }
    }

    private RolesAnywhereOptions Options(string certificate, string key, string? intermediates) => new()
    {
        CertificatePath = certificate,
        PrivateKeyPath = key,
        IntermediatesPath = intermediates,
        PrivateKeyPassword = _password,
    };
}
