namespace RolesAnywhere.Credentials.Tool.Tests.Update;

/// <summary>
/// Real-world-shaped shared credentials files: what people's files look like after hand edits, other tools,
/// Windows editors and copy-paste. Each entry says which profile <c>update</c> writes and whether the file must be
/// refused (botocore refuses it too) or rewritten. <see cref="ReadableVariant"/> is what botocore should see
/// apart from the profile's new keys when it cannot read the input itself (a byte-order mark, a duplicate of
/// one of our keys, which <c>update</c> repairs).
/// </summary>
public sealed record CredentialsFileCorpus(string Name, string Text, string Profile, bool Refused = false, string? ReadableVariant = null)
{
    public static readonly IReadOnlyList<CredentialsFileCorpus> All =
    [
        // Issue 11 item 6, as reported: a comment after the header, ':' as the delimiter.
        new("section-comment", "[default] # main account\naws_access_key_id = OLD\naws_secret_access_key = OLDSECRET\n\n[prod]\naws_access_key_id = AKIAPROD\n", "default"),
        new("colon-delimiter", "[default]\naws_access_key_id: OLD\naws_secret_access_key:OLDSECRET\naws_session_token :OLDTOKEN\nregion: eu-west-1\n", "default"),
        new("spaced-header-is-another-profile", "[ default ]\naws_access_key_id = SPACED\n", "default"),
        new("header-trailing-text", "[ra]=ignored ] text\naws_access_key_id = OLD\n", "ra]=ignored "),
        new("crlf", "# Windows\r\n[default]\r\naws_access_key_id = A\r\n\r\n[ra]\r\naws_access_key_id = OLD\r\naws_secret_access_key = OLDSECRET\r\n", "ra"),
        new("lone-cr", "[a]\rk = 1\r[ra]\raws_access_key_id = OLD", "ra"),
        new("mixed-line-endings", "[a]\r\nk = 1\n[ra]\r\naws_access_key_id = OLD\n[b]\rk = 2\r\n", "ra"),
        new("byte-order-mark", "\uFEFF[ra]\naws_access_key_id = OLD\n[other]\nx = 1\n", "ra", ReadableVariant: "[ra]\naws_access_key_id = OLD\n[other]\nx = 1\n"),
        new("tab-indented-section", "[ra]\n\taws_access_key_id = OLD\n\tregion = eu-west-1\n\t[next]\nx = 1\n", "ra"),
        new("tab-makes-continuation", "[ra]\nregion = eu-west-1\n\taws_access_key_id = OLD\n[next]\nx = 1\n", "ra"),
        new("indented-keys-and-header", "[ra]\n  aws_access_key_id = OLD\n  region = eu-west-1\n  [next]\n  x = 1\n", "ra"),
        new("no-space-before-next-indented-header", "[ra]\n    region = eu-west-1\n  [next]\nx = 1\n", "ra"),
        new("continuation-in-token", "[ra]\naws_session_token = FwoGZXIvYXdzEJr\n  //////////wEaDH\n  Part3==\nregion = eu-west-1\n", "ra"),
        // Found by the generated files: the next line's indent must be judged without the continuation lines removed.
        new("replaced-key-had-deeper-continuation", "[ra]\n  aws_access_key_id = OLD\naws_secret_access_key = OLDSECRET\n\tcontinued\n", "ra"),
        new("blank-line-inside-value", "[ra]\nnote = first\n\n  second\naws_access_key_id = OLD\n", "ra"),
        new("comment-inside-continuation", "[ra]\nnote = first\n# between\n  second\n", "ra"),
        new("duplicate-own-key-repaired", "[ra]\naws_session_token = a\naws_session_token = b\n  b2\nregion = eu\n", "ra", ReadableVariant: "[ra]\naws_session_token = a\nregion = eu\n"),
        new("duplicate-other-key", "[ra]\nregion = a\nregion = b\n", "ra", Refused: true),
        new("duplicate-key-elsewhere", "[other]\nx = 1\nX = 2\n[ra]\n", "ra", Refused: true),
        new("duplicate-section", "[ra]\nx = 1\n[b]\n[ra]\ny = 2\n", "ra", Refused: true),
        new("setting-before-header", "aws_access_key_id = X\n[ra]\n", "ra", Refused: true),
        new("garbage-line", "[ra]\nthis is not ini\n", "ra", Refused: true),
        new("empty-key", "[ra]\n= value\n", "ra", Refused: true),
        new("nested-value-valid", "[default]\ns3 =\n  addressing_style = path\n  signature_version = s3v4\n", "ra"),
        new("nested-value-invalid", "[default]\ns3 =\n  just text\n", "ra", Refused: true),
        new("empty", string.Empty, "ra"),
        new("only-comments", "# nothing yet\n; really\n", "ra"),
        new("only-blank-lines", "\n\n  \n", "ra"),
        new("no-trailing-newline-replace", "[default]\naws_access_key_id = A", "default"),
        new("no-trailing-newline-append", "[default]\nx = 1", "ra"),
        new("no-trailing-newline-insert", "[ra]\nregion = eu-west-1", "ra"),
        new("defaults-section", "[DEFAULT]\nregion = eu-west-1\naws_session_token = FROMDEFAULTS\n[ra]\naws_access_key_id = OLD\n[other]\n", "ra"),
        new("uppercase-keys", "[ra]\nAWS_ACCESS_KEY_ID = OLD\nAws_Secret_Access_Key = OLDSECRET\n", "ra"),
        new("inline-semicolon-is-value", "[ra]\naws_access_key_id = OLD ; not a comment\nregion = eu # nor this\n", "ra"),
        new("trailing-blank-lines", "[ra]\naws_access_key_id = OLD\n\n\n[b]\nx=1\n\n\n", "ra"),
        new("profile-prefix-and-many", "# ~/.aws/credentials\n[default]\naws_access_key_id=AKIAEXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n[profile dev]\nregion=us-east-1\n\n; staging\n[staging]\naws_access_key_id = AKIASTAGING\naws_secret_access_key = s3cr3t=with=equals\n\n[ra]\nregion = eu-west-1\n", "ra"),
        new("unicode", "[ünïcode]\nnote = ça va ✓\n[ra]\naws_access_key_id = OLD\n", "ra"),
        new("whitespace-only-values", "[ra]\naws_access_key_id =\naws_secret_access_key =   \n", "ra"),
        new("form-feed-and-nbsp", "[a]\nk = 1\n\u00A0indented-by-nbsp = 2\n\f\n[ra]\n", "ra"),
    ];

    public override string ToString() => Name;
}
