namespace RolesAnywhere.Credentials.KeySources.CertificateStore;

/// <summary>One <c>Key=…,Value=…</c> pair of a certificate selector.</summary>
internal sealed record CertificateSelectorCriterion(CertificateSelectorKey Key, string Value);
