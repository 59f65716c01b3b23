using System.Reflection;
using RolesAnywhere.Credentials.Configuration;
using RolesAnywhere.Credentials.Tool.Cli;

namespace RolesAnywhere.Credentials.Tool.Tests.Cli;

/// <summary>The flags of the session commands come from the library's one list of settings.</summary>
public sealed class SettingFlagsTests
{
    public static TheoryData<string> SettingFlags => [.. RolesAnywhereSettings.All.Where(s => s.ToolFlag is not null).Select(s => s.ToolFlag!)];

    [Theory]
    [MemberData(nameof(SettingFlags))]
    public void CredentialProcess_EverySettingFlag_IsAcceptedAndSpelledAsTheToolSpellsIt(string flag)
    {
        var command = CommandDefinitions.Find(CommandDefinitions.CredentialProcess)!;
        var spelled = typeof(Flags).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.True(command.Flags.ContainsKey(flag), $"--{flag} is not a credential-process flag");
        Assert.Contains(flag, spelled);
    }
}
