namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>The known-answer vectors are copied next to every test assembly (compiled into each test project).</summary>
public sealed class VectorsPresentTests
{
    [Fact]
    public void Vectors_CopiedToOutput_ReadmeExists() =>
        Assert.True(File.Exists(TestVectors.PathOf("README.md")), TestVectors.Directory);
}
