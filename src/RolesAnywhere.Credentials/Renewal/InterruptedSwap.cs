using RolesAnywhere.Credentials.IO;
using RolesAnywhere.Credentials.KeySources;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// Completes a certificate swap a renewal left half-done (killed between its commit point and its last rename),
/// wherever the pair is read: the library's loader calls it before it reads a certificate and key named by file, so
/// the library at start, <c>credential-process</c>, <c>serve</c>, <c>update</c> and <c>renew</c> all find the new pair
/// whole instead of the new key with the old certificate. A committed swap (its journal on disk) is completed and
/// a swap interrupted before its commit point is rolled back (its temporary files removed), both only
/// under the renewal lock taken without waiting (a renewer holding it is completing the swap itself), and only in
/// directories no other user can write to. Anything that prevents it (a reader without write access, a held lock)
/// leaves the files to the next renewer, and the loader's own pair check reports a mismatch.
/// </summary>
internal static class InterruptedSwap
{
    /// <summary>Completes an interrupted swap of these files, if there is one; returns whether it did.</summary>
    public static bool CompleteIfAny(string? certificatePath, string? keyPath, string? intermediatesPath)
    {
        if (string.IsNullOrWhiteSpace(certificatePath) || string.IsNullOrWhiteSpace(keyPath) || SigningKeySourceResolver.IsReference(keyPath))
        {
            return false;
        }

        try
        {
            var swap = PairSwap.For(certificatePath, keyPath, string.IsNullOrWhiteSpace(intermediatesPath) ? null : intermediatesPath);
            if (!swap.NeedsRecovery || swap.Directories.Any(d => OwnerOnlyFile.UntrustedDirectory(d, rootMayOwn: true, string.Empty) is not null))
            {
                return false;
            }

            // Under the lock nobody is renewing: a journal means an interrupted commit (completed), temporary files
            // without one an interrupted preparation (removed: the current pair was never touched).
            using var turn = RenewalLock.TryAcquire(swap.LockPath);
            return turn is not null && swap.Recover();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
