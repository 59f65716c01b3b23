using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Tests.Cli;

/// <summary>Operands (<c>audit INPUT…</c>) and repeatable flags (<c>--crl a --crl b</c>), for the commands that declare them.</summary>
public sealed class ArgumentParserOperandsTests
{
    [Fact]
    public void Parse_AuditOperandsAmongFlags_KeptInOrder()
    {
        var parsed = ArgumentParser.Parse(["audit", "a.json.gz", "--format", "json", "-", "logs/", "--", "--odd-name.json"]);

        Assert.Equal(["a.json.gz", "-", "logs/", "--odd-name.json"], parsed.Operands);
        Assert.Equal("json", parsed.Get(Flags.Format));
    }

    [Fact]
    public void Parse_RepeatableFlag_EveryValueKept()
    {
        var parsed = ArgumentParser.Parse(["audit", "x", "--crl", "a.crl", "--crl=b.pem"]);

        Assert.Equal(["a.crl", "b.pem"], parsed.GetAll(Flags.Crl));
        Assert.Empty(parsed.GetAll(Flags.Format));
    }

    [Fact]
    public void Parse_CommandWithoutOperands_StillRefusesThem()
    {
        var error = Assert.Throws<UsageException>(() => ArgumentParser.Parse(["update", "stray"]));
        Assert.Contains("Unexpected argument 'stray'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpText_Audit_UsageNamesInputsAndRepeatableFlag()
    {
        var help = HelpText.ForCommand(CommandDefinitions.Find(CommandDefinitions.Audit)!);

        Assert.StartsWith("Usage: rolesanywhere audit [flags] INPUT...", help, StringComparison.Ordinal);
        Assert.Contains("--crl <value> (repeatable)", help, StringComparison.Ordinal);
    }
}
