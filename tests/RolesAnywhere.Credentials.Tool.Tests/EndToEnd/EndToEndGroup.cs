namespace RolesAnywhere.Credentials.Tool.Tests.EndToEnd;

/// <summary>The end-to-end classes share one emulator and run one after another (they count its sessions).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndGroup : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "tool end to end";
}
