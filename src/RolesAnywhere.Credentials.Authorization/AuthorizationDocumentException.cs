using System.Globalization;
using System.Text.Json;

namespace RolesAnywhere.Credentials.Authorization;

/// <summary>
/// A trust policy or attribute-mapping document could not be read: malformed JSON (with the line and column) or a
/// structure IAM or IAM Roles Anywhere would refuse (with the JSON path of the offending element).
/// </summary>
public sealed class AuthorizationDocumentException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="AuthorizationDocumentException"/> class.</summary>
    /// <param name="message">What is wrong, naming the element and the fix.</param>
    public AuthorizationDocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AuthorizationDocumentException"/> class.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public AuthorizationDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private AuthorizationDocumentException(string message, int? line, int? column, string? path, Exception? innerException)
        : base(message, innerException)
    {
        Line = line;
        Column = column;
        JsonPath = path;
    }

    /// <summary>Gets the 1-based line of a JSON syntax error, or <see langword="null"/> for a structural problem.</summary>
    public int? Line { get; }

    /// <summary>Gets the 1-based column (in bytes) of a JSON syntax error, or <see langword="null"/> for a structural problem.</summary>
    public int? Column { get; }

    /// <summary>Gets the JSON path of the element at fault (for example <c>Statement[1].Condition</c>), or <see langword="null"/>.</summary>
    public string? JsonPath { get; }

    internal static AuthorizationDocumentException Syntax(string document, JsonException error)
    {
        var line = (int)(error.LineNumber ?? 0) + 1;
        var column = (int)(error.BytePositionInLine ?? 0) + 1;
        // The message ends with " LineNumber: … | BytePositionInLine: …" (or " Path: …"); trimmed builds carry only the resource key.
        var reason = error.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = reason.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }
        }

        reason = reason.Trim(' ', ',', '"', '.');
        if (!reason.Contains(' ', StringComparison.Ordinal))
        {
            reason = $"unexpected input ({reason})";
        }

        return new AuthorizationDocumentException(
            string.Create(CultureInfo.InvariantCulture, $"The {document} is not valid JSON at line {line}, column {column}: {reason.TrimEnd('.')}. Fix the JSON there (a missing comma, quote or bracket is the usual cause)."),
            line, column, null, error);
    }

    internal static AuthorizationDocumentException At(string path, string message) =>
        new($"{path}: {message}", null, null, path, null);
}
