namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// Where a piece of key material came from, for error messages: the setting that named it, the file
/// path when there is one, and the setting that carries the password. Never holds the material itself.
/// </summary>
internal sealed record MaterialSource(string Setting, string? Path, string PasswordSetting)
{
    /// <summary>Gets the source as messages quote it: the file and its setting, or the inline setting.</summary>
    public string Description => Path is null ? Setting : $"'{Path}' ({Setting})";

    /// <summary>Gets a short noun phrase for messages: "file '...' (Setting)" or "the inline Setting value".</summary>
    public string Phrase => Path is null ? $"the inline {Setting} value" : $"the file {Description}";

    /// <summary>Gets <see cref="Phrase"/> capitalized, to start a sentence.</summary>
    public string SentencePhrase => Path is null ? $"The inline {Setting} value" : $"The file {Description}";
}
