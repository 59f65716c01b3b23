using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Hardware.Tests;

public sealed class VectorsPresentTests
{
    [Fact]
    public void Vectors_CopiedToOutput_ReadmeExists() =>
        Assert.True(File.Exists(TestVectors.PathOf("README.md")), TestVectors.Directory);
}
