using RolesAnywhere.Credentials.Tool.Caching;
using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Credentials;
using RolesAnywhere.Credentials.Tool.Keys;
using RolesAnywhere.Credentials.Sessions;

namespace RolesAnywhere.Credentials.Tool.Commands;

/// <summary>What the commands touch outside themselves: the standard streams, the clock and the session source.</summary>
internal sealed class ToolEnvironment
{
    public required Stream Stdout { get; init; }

    public required TextWriter Stderr { get; init; }

    public required Stream Stdin { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether stderr is a terminal (then long runs show a progress line).</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>Where sessions come from (the library's CreateSession client; tests script it).</summary>
    public Func<SessionArguments, ISessionSource> CredentialSources { get; init; } = arguments => LibraryCredentialSource.Create(arguments, pinPrompt: null);

    /// <summary>Asks for a PKCS#11 PIN the URI does not give (given the token label); <see langword="null"/> when nobody can answer.</summary>
    public Func<string, string?>? PinPrompt { get; init; }

    public Func<string> CacheDirectory { get; init; } = CredentialCache.DefaultDirectory;

    public Func<string> SharedCredentialsPath { get; init; } = Update.SharedCredentialsFile.DefaultPath;

    /// <summary>Writes a <c>--debug</c> line to stderr (never secrets: callers pass only identifiers and messages).</summary>
    public Action<string> DebugLog(bool enabled) =>
        enabled ? message => Stderr.WriteLine($"rolesanywhere: {Time.GetUtcNow():O} {message}") : static _ => { };

    public static ToolEnvironment ForConsole()
    {
        var pinPrompt = TerminalPinPrompt.IfInteractive();
        return new()
        {
            Stdout = Console.OpenStandardOutput(),
            Stderr = Console.Error,
            Stdin = Console.OpenStandardInput(),
            StderrIsTerminal = !Console.IsErrorRedirected,
            PinPrompt = pinPrompt,
            CredentialSources = arguments => LibraryCredentialSource.Create(arguments, pinPrompt),
        };
    }
}
