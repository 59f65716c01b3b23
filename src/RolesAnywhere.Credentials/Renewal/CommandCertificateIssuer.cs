using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RolesAnywhere.Credentials.Renewal;

/// <summary>
/// An issuer that runs a command: the CSR goes to its standard input as PEM (and its path in the
/// <c>ROLESANYWHERE_CSR_FILE</c> environment variable), and the command prints the certificate, optionally followed
/// by its chain, as PEM on standard output. A non-zero exit code is a failure, reported with the command's standard
/// error. Works with <c>openssl ca</c>, <c>step ca sign</c>, <c>cfssl sign</c>, <c>vault write pki/sign/…</c>,
/// <c>aws acm-pca issue-certificate</c> and any script of your own.
/// </summary>
/// <remarks>
/// The program is started directly with its arguments, never through a shell, unless made with <see cref="Shell"/>.
/// A program name with a slash is started as given; a bare name is looked up in the absolute directories of
/// <c>PATH</c> only, never in the working directory (as <c>execvp</c> does), and the program found is logged.
/// </remarks>
public sealed class CommandCertificateIssuer : ICertificateIssuer
{
    /// <summary>The environment variable holding the path of a file with the CSR PEM.</summary>
    public const string CsrFileVariable = "ROLESANYWHERE_CSR_FILE";

    /// <summary>Output beyond this is not kept (a certificate chain is a few kilobytes).</summary>
    private const int MaxOutputChars = 1 << 20;

    /// <summary>
    /// Once the command exited, how long its output may go without progress before it is taken as complete: what it
    /// printed is already in the pipe, but a background child it left holding the pipe would keep it open for as long
    /// as it runs. Waiting goes on while the output still grows, so a slow reader on a loaded machine loses nothing.
    /// </summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(2);

    private readonly string _fileName;
    private readonly string[] _arguments;

    /// <summary>Initializes a new instance that runs <paramref name="fileName"/> with <paramref name="arguments"/>, without a shell.</summary>
    /// <param name="fileName">The program: a path (with a slash, used as given), or a name looked up in the absolute directories of <c>PATH</c>, never in the working directory.</param>
    /// <param name="arguments">Its arguments, passed as they are.</param>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is empty.</exception>
    public CommandCertificateIssuer(string fileName, IEnumerable<string> arguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(arguments);
        _fileName = fileName;
        _arguments = arguments.ToArray();
    }

    /// <summary>Gets or sets how long the command may run before it is killed.</summary>
    /// <value>Two minutes.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Makes an issuer from a command line split into words as a POSIX shell would, but run without a shell (no variables, globs, pipes or redirections).</summary>
    /// <param name="commandLine">The program and its arguments, for example <c>openssl x509 -req -CA ca.pem -CAkey ca.key -days 30</c>.</param>
    /// <returns>The issuer.</returns>
    /// <exception cref="ArgumentException">The line is empty or has an unterminated quote.</exception>
    public static CommandCertificateIssuer Parse(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var words = CommandLine.Split(commandLine);
        return new CommandCertificateIssuer(words[0], words.Skip(1));
    }

    /// <summary>Makes an issuer that runs <paramref name="script"/> with <c>/bin/sh -c</c>, for pipelines and redirections.</summary>
    /// <param name="script">The shell script.</param>
    /// <returns>The issuer.</returns>
    /// <exception cref="ArgumentException"><paramref name="script"/> is empty.</exception>
    public static CommandCertificateIssuer Shell(string script)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        return new CommandCertificateIssuer("/bin/sh", ["-c", script]);
    }

    /// <inheritdoc/>
    public Task<IssuedCertificate> IssueAsync(CertificateSigningRequest request, CancellationToken cancellationToken) =>
        IssueAsync(request, NullLogger.Instance, cancellationToken);

    /// <summary>Resolves the program (PATH only for a bare name), logs it, runs it with the CSR and reads the certificate it prints.</summary>
    internal async Task<IssuedCertificate> IssueAsync(CertificateSigningRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var program = ProgramLookup.Resolve(_fileName, Environment.GetEnvironmentVariable("PATH"))
            ?? throw new CertificateRenewalException(
                CertificateRenewalStage.Issuance,
                $"The issuer command's program '{_fileName}' is not in any absolute directory of PATH (the working directory is never searched); install it, or give its path, such as /usr/bin/{_fileName} or ./{_fileName}. Nothing was replaced.");
        RenewalLog.RunningIssuerCommand(logger, _fileName, program);
        var folder = Directory.CreateTempSubdirectory("rolesanywhere-csr-");
        try
        {
            var csrFile = Path.Combine(folder.FullName, "request.csr");
            await File.WriteAllTextAsync(csrFile, request.Pem, Encoding.ASCII, cancellationToken).ConfigureAwait(false);
            var start = new ProcessStartInfo(program)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in _arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment[CsrFileVariable] = csrFile;
            var (exitCode, output, error) = await RunAsync(start, request.Pem, cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new CertificateRenewalException(
                    CertificateRenewalStage.Issuance,
                    string.Create(CultureInfo.InvariantCulture, $"The issuer command '{_fileName}' failed with exit code {exitCode}: {PrintableText.Of(error)}. Nothing was replaced."));
            }

            return IssuedCertificate.FromPem(output, $"the issuer command '{_fileName}'");
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A folder the command kept open is left to the system's temporary-file cleaning.
            }
        }
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start, string input, CancellationToken cancellationToken)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception ex)
        {
            throw new CertificateRenewalException(CertificateRenewalStage.Issuance, $"The issuer command '{_fileName}' cannot be started ({ex.Message}); check the program's name and PATH. Nothing was replaced.", ex);
        }

        using (process)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(Timeout);
            var output = new StringBuilder();
            var error = new StringBuilder();
            try
            {
                var outputRead = ReadLimitedAsync(process.StandardOutput, output, timeout.Token);
                var errorRead = ReadLimitedAsync(process.StandardError, error, timeout.Token);
                try
                {
                    await process.StandardInput.WriteAsync(input.AsMemory(), timeout.Token).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The command does not read standard input (it uses ROLESANYWHERE_CSR_FILE) and exited or closed it.
                }

                // The command's exit is the end, not the end of its output: a background child it started may hold
                // the pipes open for long after. What the command printed is read within the grace; then the rest is left.
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                var reading = Task.WhenAll(outputRead, errorRead);
                var seen = -1;
                while (!reading.IsCompleted && Length(output, error) != seen)
                {
                    // Still reading what the command printed (progress since the last look): wait again.
                    seen = Length(output, error);
                    await Task.WhenAny(reading, Task.Delay(OutputGrace, timeout.Token)).ConfigureAwait(false);
                    timeout.Token.ThrowIfCancellationRequested();
                }

                return (process.ExitCode, Snapshot(output), Snapshot(error));
            }
            catch (OperationCanceledException ex)
            {
                Kill(process);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new CertificateRenewalException(CertificateRenewalStage.Issuance, string.Create(CultureInfo.InvariantCulture, $"The issuer command '{_fileName}' did not finish within {Timeout.TotalSeconds:0} s and was stopped. Nothing was replaced."), ex);
            }
        }
    }

    /// <summary>Reads <paramref name="reader"/> to its end into <paramref name="text"/> (at most <see cref="MaxOutputChars"/> kept); never throws.</summary>
    private static async Task ReadLimitedAsync(StreamReader reader, StringBuilder text, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                lock (text)
                {
                    if (text.Length < MaxOutputChars)
                    {
                        text.Append(buffer, 0, Math.Min(read, MaxOutputChars - text.Length));
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped (timeout, or the process was disposed while a background child held the pipe): what was read stays.
        }
    }

    private static int Length(StringBuilder output, StringBuilder error)
    {
        lock (output)
        {
            lock (error)
            {
                return output.Length + error.Length;
            }
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }
}
