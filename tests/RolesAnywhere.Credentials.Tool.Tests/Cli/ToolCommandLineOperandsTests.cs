using RolesAnywhere.Credentials.Tool.Cli;
using RolesAnywhere.Credentials.Tool.Tests.Support;

namespace RolesAnywhere.Credentials.Tool.Tests.Cli;

/// <summary>Operands (<c>audit INPUT…</c>) and repeatable flags (<c>--crl a --crl b</c>), for the commands that declare them.</summary>
public sealed class ToolCommandLineOperandsTests
{
    [Fact]
    public void Parse_AuditOperandsAmongFlags_KeptInOrder()
    {
        var parsed = ToolCommandLine.ParseCommand(["audit", "a.json.gz", "--format", "json", "-", "logs/", "--", "--odd-name.json"]);

        Assert.Equal(["a.json.gz", "-", "logs/", "--odd-name.json"], parsed.Operands);
        Assert.Equal("json", parsed.Get(Flags.Format));
    }

    [Fact]
    public void Parse_RepeatableFlag_EveryValueKept()
    {
        var parsed = ToolCommandLine.ParseCommand(["audit", "x", "--crl", "a.crl", "--crl=b.pem"]);

        Assert.Equal(["a.crl", "b.pem"], parsed.GetAll(Flags.Crl));
        Assert.Empty(parsed.GetAll(Flags.Format));
    }

    [Fact]
    public void Parse_CommandWithoutOperands_StillRefusesThem()
    {
        var error = Assert.Throws<UsageException>(() => ToolCommandLine.ParseCommand(["update", "stray"]));
        Assert.Contains("Unexpected argument 'stray'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Audit_UsageNamesInputsAndRepeatableFlag()
    {
        var help = (await ToolRun.RunAsync(["audit", "--help"])).StdoutText;

        Assert.Contains(" audit [<INPUT>...] [options]", help, StringComparison.Ordinal);
        Assert.Matches(@"--crl <file> +.*Repeatable\.", help);
    }
}
