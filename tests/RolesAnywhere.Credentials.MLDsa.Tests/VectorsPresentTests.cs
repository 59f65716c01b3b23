using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.MLDsa.Tests;

public sealed class VectorsPresentTests
{
    [Fact]
    public void Vectors_CopiedToOutput_MLDsaGeneratorExists() =>
        Assert.True(File.Exists(TestVectors.PathOf("mldsa/generate.py")), TestVectors.Directory);
}
