using RolesAnywhere.Credentials.Sessions;
using System.Text;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Commands;
using RolesAnywhere.Credentials.Tool.Credentials;

namespace RolesAnywhere.Credentials.Tool.Tests.Support;

/// <summary>Runs the tool in-process with captured streams.</summary>
internal sealed class ToolRun
{
    public int ExitCode { get; private init; }

    public byte[] Stdout { get; private init; } = [];

    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public string Stderr { get; private init; } = string.Empty;

    public static async Task<ToolRun> RunAsync(
        string[] args,
        Func<SessionArguments, ISessionSource>? sources = null,
        byte[]? stdin = null,
        string? cacheDirectory = null,
        TimeProvider? time = null,
        string? sharedCredentialsPath = null,
        CancellationToken? stop = null,
        Func<string, string?>? pinPrompt = null)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var environment = new ToolEnvironment
        {
            Stdout = stdout,
            Stderr = stderr,
            Stdin = new MemoryStream(stdin ?? []),
            Time = time ?? TimeProvider.System,
            CredentialSources = sources ?? (_ => throw new InvalidOperationException("no credential source in this test")),
            CacheDirectory = () => cacheDirectory ?? throw new InvalidOperationException("no cache directory in this test"),
            SharedCredentialsPath = () => sharedCredentialsPath ?? throw new InvalidOperationException("no credentials file in this test"),
            PinPrompt = pinPrompt,
        };
        var code = await ToolApplication.RunAsync(args, environment, stop ?? TestContext.Current.CancellationToken);
        return new ToolRun { ExitCode = code, Stdout = stdout.ToArray(), Stderr = stderr.ToString() };
    }

    public static string[] SessionArgs(string command, params string[] extra) =>
    [
        command,
        "--certificate", "client.pem", "--private-key", "client.key",
        "--trust-anchor-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/ta",
        "--profile-arn", "arn:aws:rolesanywhere:us-east-1:111122223333:profile/p",
        "--role-arn", "arn:aws:iam::111122223333:role/ToolTestRole",
        .. extra,
    ];
}
