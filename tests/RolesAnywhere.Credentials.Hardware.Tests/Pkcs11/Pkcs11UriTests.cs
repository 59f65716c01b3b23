using RolesAnywhere.Credentials.Pkcs11;

namespace RolesAnywhere.Credentials.Hardware.Tests.Pkcs11;

public sealed class Pkcs11UriTests
{
    [Fact]
    public void Parse_FullUri_ReadsEveryAttribute()
    {
        var uri = Pkcs11Uri.Parse(
            "pkcs11:token=My%20Token;manufacturer=SoftHSM%20project;model=SoftHSM%20v2;serial=abc123;object=my-key;type=private;id=%01%a2;slot-id=17?pin-value=12%2634&module-path=/usr/lib/softhsm/libsofthsm2.so",
            "test");

        Assert.Equal("My Token", uri.Token);
        Assert.Equal("SoftHSM project", uri.Manufacturer);
        Assert.Equal("SoftHSM v2", uri.Model);
        Assert.Equal("abc123", uri.Serial);
        Assert.Equal("my-key", uri.Object);
        Assert.Equal("private", uri.Type);
        Assert.Equal(new byte[] { 0x01, 0xA2 }, uri.Id);
        Assert.Equal(17UL, uri.SlotId);
        Assert.Equal("12&34", uri.PinValue);
        Assert.Equal("/usr/lib/softhsm/libsofthsm2.so", uri.ModulePath);
    }

    [Fact]
    public void Parse_SchemeInUpperCaseAndEmptySegments_Accepted()
    {
        var uri = Pkcs11Uri.Parse("PKCS11:;object=k;;", "test");

        Assert.Equal("k", uri.Object);
        Assert.Null(uri.Token);
        Assert.Null(uri.PinValue);
    }

    [Fact]
    public void Parse_Utf8PercentEncodedLabel_Decoded()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:object=cl%C3%A9;token=t%c3%bcr", "test");

        Assert.Equal("clé", uri.Object);
        Assert.Equal("tür", uri.Token);
    }

    [Fact]
    public void Parse_UnknownQueryAttributeAndVendorPathAttribute_Ignored()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:object=k;x-vendor=1?unknown=2&module-name=softhsm2", "test");

        Assert.Equal("k", uri.Object);
        Assert.Equal("softhsm2", uri.ModuleName);
    }

    [Theory]
    [InlineData("file:///key.pem", "does not start with 'pkcs11:'")]
    [InlineData("pkcs11:object=a;object=b", "'object' appears twice")]
    [InlineData("pkcs11:tokn=a", "'tokn' is unknown")]
    [InlineData("pkcs11:slot-id=abc", "slot-id 'abc' is not a decimal number")]
    [InlineData("pkcs11:id=%0", "'%' not followed by two hex digits")]
    [InlineData("pkcs11:id=%zz", "'%' not followed by two hex digits")]
    [InlineData("pkcs11:type=other", "type 'other'")]
    [InlineData("pkcs11:object", "without '='")]
    [InlineData("pkcs11:object=%FF", "not UTF-8")]
    public void Parse_Malformed_ThrowsNamingTheProblem(string text, string expected)
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Pkcs11Uri.Parse(text, "PrivateKeyPath"));

        Assert.Contains("PrivateKeyPath", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedPinAttribute_DoesNotRevealPin()
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Pkcs11Uri.Parse("pkcs11:object=k?pin-value=s3cr%t", "PrivateKeyPath"));

        Assert.DoesNotContain("s3cr", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithPin_OmitsPinAndModule()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:token=t;object=k;id=%01%FF;slot-id=3?pin-value=secret-pin&module-path=/m.so", "test");

        Assert.Equal("pkcs11:token=t;slot-id=3;object=k;id=%01%FF", uri.ToString());
    }
}
