using RolesAnywhere.Credentials.Renewal;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Commands;
using RolesAnywhere.Credentials.Tool.Credentials;

namespace RolesAnywhere.Credentials.Tool.Renewal;

/// <summary>
/// The certificate renewal of <c>serve</c> and <c>update</c> when an issuer flag is given: the library's
/// <see cref="CertificateRenewer"/> (its loop: renew when due, prove with one CreateSession, swap, retry failures with
/// the core's back-off) running beside the <see cref="CredentialKeeper"/>, which fetches a session signed with the new
/// pair as soon as one is installed. The credentials already held keep being served or stay written meanwhile, so a
/// renewal leaves no gap, and a failed one never stops the command; failures are logged on stderr with their stage.
/// </summary>
internal sealed class InProcessRenewal : IDisposable
{
    private readonly RenewArguments arguments;
    private readonly CertificateRenewer renewer;
    private readonly TimeProvider time;

    private InProcessRenewal(RenewArguments arguments, CertificateRenewer renewer, TimeProvider time)
    {
        this.arguments = arguments;
        this.renewer = renewer;
        this.time = time;
    }

    /// <summary>The renewal the command line asks for, or <see langword="null"/> when it gives no issuer flag.</summary>
    /// <exception cref="UsageException">A renewal flag is wrong; the message lists every problem.</exception>
    public static InProcessRenewal? From(SessionArguments session, ToolEnvironment environment)
    {
        var arguments = RenewArguments.InProcess(session.Parsed);
        if (arguments is null)
        {
            return null;
        }

        try
        {
            var logger = new StderrRenewalLogger(environment.Stderr, environment.Time);
            return new InProcessRenewal(arguments, arguments.CreateRenewer(session.Parsed.Command.Name, environment.Time, logger), environment.Time);
        }
        catch (UsageException)
        {
            arguments.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the certificate on disk has expired: the credentials cannot start from it, but a renewal may still bring
    /// the workload back (the CA decides), so the command goes on instead of stopping on the configuration error.
    /// </summary>
    public bool CertificateExpired()
    {
        try
        {
            using var certificate = CertificateFile.ReadFirst(arguments.Options.CertificatePath!, "CertificatePath");
            return RenewalSchedule.NotAfter(certificate) < time.GetUtcNow();
        }
        catch (CertificateRenewalException)
        {
            return false;
        }
    }

    /// <summary>Renews once if due (<c>update --once</c>); a failure is logged and the current pair kept.</summary>
    public async Task RenewIfDueAsync(CancellationToken cancellationToken)
    {
        try
        {
            await renewer.RenewIfDueAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CertificateRenewalException)
        {
            // Logged by the renewer, with its stage; the credentials go on with the pair on disk.
        }
    }

    /// <summary>Keeps the certificate renewed until <paramref name="cancellationToken"/> is canceled, asking <paramref name="keeper"/> for a session signed with each new pair.</summary>
    /// <returns>A task that completes when stopped; it never faults.</returns>
    public Task RunAsync(CredentialKeeper keeper, CancellationToken cancellationToken)
    {
        renewer.PairInstalled = _ => keeper.RequestRefresh();
        return Task.Run(() => renewer.RunAsync(cancellationToken), CancellationToken.None);
    }

    public void Dispose() => arguments.Dispose();
}
