namespace RolesAnywhere.Credentials.Renewal;

/// <summary>The steps of <see cref="PairSwap"/>, in order; a test seam observes each (and may stop the process there).</summary>
internal enum SwapStep
{
    /// <summary>The new files are written and flushed under temporary names; nothing visible changed.</summary>
    TemporariesWritten = 1,

    /// <summary>The current files are copied to <c>*.previous</c>.</summary>
    PreviousKept = 2,

    /// <summary>The journal naming the renames is on disk: from here a recovery completes the swap.</summary>
    Committed = 3,

    /// <summary>The new key replaced the old one (the certificate is still the old one).</summary>
    KeyReplaced = 4,

    /// <summary>The new intermediates replaced the old ones.</summary>
    IntermediatesReplaced = 5,

    /// <summary>The new certificate replaced the old one; the journal is still there.</summary>
    CertificateReplaced = 6,

    /// <summary>The journal is gone: the swap is complete.</summary>
    Completed = 7,
}
