namespace RolesAnywhere.Credentials.Tool.Cli;

/// <summary>
/// Shell completion for <c>rolesanywhere</c>: each script hands the words typed so far to the tool's <c>[suggest:POSITION]</c>
/// directive (System.CommandLine's) and offers the commands, flags and values it prints; where it prints none (a file
/// name is expected), the shell completes file names.
/// </summary>
internal static class CompletionScripts
{
    public const string Bash = """
        # rolesanywhere completion for bash. Load it with: source <(rolesanywhere completion bash)
        # or keep it: rolesanywhere completion bash > ~/.local/share/bash-completion/completions/rolesanywhere
        _rolesanywhere_complete()
        {
            local line="${COMP_WORDS[*]:1:COMP_CWORD}"
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _rolesanywhere_complete rolesanywhere

        """;

    public const string Zsh = """
        #compdef rolesanywhere
        # rolesanywhere completion for zsh. Load it with (after compinit): source <(rolesanywhere completion zsh)
        # or keep it as _rolesanywhere in a directory of $fpath.
        _rolesanywhere() {
            local line="${(j: :)words[2,CURRENT]}"
            local -a candidates
            candidates=(${(f)"$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)"})
            if (( ${#candidates} )); then
                compadd -a candidates
            else
                _files
            fi
        }
        compdef _rolesanywhere rolesanywhere

        """;

    /// <summary>Returns the script for <paramref name="shell"/> (<c>bash</c> or <c>zsh</c>), or <see langword="null"/> for another shell.</summary>
    public static string? For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        _ => null,
    };
}
