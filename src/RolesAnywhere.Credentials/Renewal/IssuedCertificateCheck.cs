using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// The checks an issued certificate passes before it may replace the current one: it is for the new key, valid now
/// and for longer than the current one, carries the subject and names requested (or the differences are accepted
/// and reported), and chains to the trust anchor's certificate when one is configured, or else comes from the current
/// certificate's issuer, same name and key (<see cref="IssuerPin"/>), unless an issuer change is accepted. Each
/// failure names the check.
/// </summary>
internal static class IssuedCertificateCheck
{
    /// <summary>Runs every check; returns what the CA changed that is acceptable, as sentences.</summary>
    /// <exception cref="CertificateRenewalException">A check failed (<see cref="CertificateRenewalStage.Verification"/>).</exception>
    public static IReadOnlyList<string> Run(IssuedCertificate issued, RenewalKey key, CertificateSigningRequest request, X509Certificate2 current, X509Certificate2Collection intermediates, X509Certificate2? trustAnchor, bool acceptIdentityChanges, bool acceptIssuerChange, bool force, DateTimeOffset now)
    {
        var leaf = issued.Certificate;
        var serial = leaf.SerialNumber;
        if (!key.IsKeyOf(leaf))
        {
            throw Failed($"key check failed: the issued certificate (serial {serial}, subject '{leaf.Subject}') is not for the new key; the CA signed something other than this request.");
        }

        var notBefore = RenewalSchedule.NotBefore(leaf);
        var notAfter = RenewalSchedule.NotAfter(leaf);
        if (notBefore > now || notAfter <= now)
        {
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"validity check failed: the issued certificate (serial {serial}) is valid from {notBefore:yyyy-MM-ddTHH:mm:ssZ} to {notAfter:yyyy-MM-ddTHH:mm:ssZ}, which does not include now ({now:yyyy-MM-ddTHH:mm:ssZ}); check the CA's clock and this machine's."));
        }

        var changes = new List<string>();
        var currentNotAfter = RenewalSchedule.NotAfter(current);
        if (notAfter <= currentNotAfter && force)
        {
            // A forced renewal is a rekey (after a key compromise, the new key is the gain): a validity no longer than the
            // current one is reported, not refused (cfssl rounds validity to the minute: twice in a minute gives the same).
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"the new certificate expires at {notAfter:yyyy-MM-ddTHH:mm:ssZ}, no later than the previous one ({currentNotAfter:yyyy-MM-ddTHH:mm:ssZ}); installed because the renewal was forced (a new key)"));
        }
        else if (notAfter <= currentNotAfter)
        {
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"validity check failed: the issued certificate (serial {serial}) expires at {notAfter:yyyy-MM-ddTHH:mm:ssZ}, no later than the current one ({currentNotAfter:yyyy-MM-ddTHH:mm:ssZ}); renewing would gain nothing. Check the CA profile's expiry, or force the renewal (RenewNowAsync, renew --force) to rekey anyway."));
        }

        // The issuer first: a foreign CA's certificate is an issuer problem before it is an identity one.
        if (trustAnchor is not null)
        {
            CheckChain(leaf, issued.Chain, intermediates, trustAnchor, now);
        }

        string? issuerNote = null;
        if (IssuerPin.Check(leaf, current, intermediates) is { } issuerChange)
        {
            if (trustAnchor is null && !acceptIssuerChange)
            {
                throw Failed($"issuer check failed: the issued certificate (serial {serial}) does not come from the current certificate's issuer: {issuerChange}. A CA other than the one that issued the current certificate answered (check the CA's address); if the CA was changed on purpose, give TrustAnchorCertificatePath (the new certificate must chain to it) or set AcceptIssuerChange.");
            }

            issuerNote = $"the issuer changed from {IssuerPin.Describe(current)} to {IssuerPin.Describe(leaf)}" + (trustAnchor is null ? " (accepted: AcceptIssuerChange)" : " (it chains to the trust anchor certificate)");
        }

        // What IAM sees (source identity, principal tags), by the Authorization package's one attribute mapping.
        var identityChanges = IdentityComparison.Differences(current, leaf);
        if (identityChanges.Count != 0 && !acceptIdentityChanges)
        {
            throw Failed($"identity check failed: what IAM would see of the new certificate (serial {serial}) differs from the current one: {string.Join("; ", identityChanges)}. Trust policies match on the source identity and these principal tags; fix the CA profile, or set AcceptIdentityChanges to install it anyway.");
        }

        // Names IAM does not map (IP addresses, e-mail, further DNS names) are reported, not refused.
        var requested = request.SubjectAlternativeNames;
        var issuedNames = SubjectAlternativeNames.Of(leaf);
        foreach (var dropped in requested.Except(issuedNames, StringComparer.Ordinal))
        {
            changes.Add($"the subject alternative name {dropped} was dropped");
        }

        foreach (var added in issuedNames.Except(requested, StringComparer.Ordinal))
        {
            changes.Add($"the CA added the subject alternative name {added}");
        }

        // Compared as text: CAs re-encode names (CFSSL writes PrintableString where the request had UTF8String).
        if (!string.Equals(leaf.SubjectName.Name, request.Subject.Name, StringComparison.Ordinal))
        {
            changes.Add($"the subject is '{leaf.Subject}' instead of '{request.Subject.Name}'");
        }

        changes.InsertRange(0, identityChanges.Select(c => c + " (accepted: AcceptIdentityChanges)"));
        var lifetime = notAfter - notBefore;
        var previousLifetime = currentNotAfter - RenewalSchedule.NotBefore(current);
        if (lifetime < previousLifetime - TimeSpan.FromHours(1))
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"the CA shortened the validity to {Describe(lifetime)} (the previous certificate had {Describe(previousLifetime)})"));
        }

        if (issuerNote is not null)
        {
            changes.Add(issuerNote);
        }

        return changes;
    }

    private static void CheckChain(X509Certificate2 leaf, X509Certificate2Collection returned, X509Certificate2Collection configured, X509Certificate2 trustAnchor, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trustAnchor);
        chain.ChainPolicy.ExtraStore.AddRange(returned);
        chain.ChainPolicy.ExtraStore.AddRange(configured);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (chain.Build(leaf))
        {
            return;
        }

        var problems = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length != 0).Distinct();
        throw Failed($"chain check failed: the issued certificate (serial {leaf.SerialNumber}, issuer '{leaf.Issuer}') does not chain to the trust anchor certificate '{trustAnchor.Subject}' ({string.Join("; ", problems)}). The CA is not the one the trust anchor trusts, or its intermediates are missing.");
    }

    private static string Describe(TimeSpan span) => span.TotalDays >= 2
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");

    private static CertificateRenewalException Failed(string message) =>
        new(CertificateRenewalStage.Verification, message + " Nothing was replaced.");
}
