namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>Each target framework's build runs on that framework's runtime (the net8.0 suite on .NET 8, not on 10).</summary>
public sealed class RuntimeVersionTests
{
    [Fact]
    public void Suite_RunsOnTheRuntimeOfItsTargetFramework()
    {
#if NET10_0
        const int expected = 10;
#elif NET8_0
        const int expected = 8;
#else
        const int expected = -1;
#endif
        Assert.Equal(expected, Environment.Version.Major);
    }
}
