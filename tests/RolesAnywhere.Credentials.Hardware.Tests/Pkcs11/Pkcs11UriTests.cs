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

    // Where Pkcs11Interop (which parses since issue 12), the earlier parser and the official helper
    // (aws/rolesanywhere-credential-helper, aws_signing_helper/pkcs11_signer.go, parsing with go-pkcs11uri) differ,
    // the choices below are pinned.

    [Fact]
    public void Parse_RawSpacesAndNonAscii_ReadAsWritten()
    {
        // Pkcs11Interop alone would drop the spaces (PIN "1234": a failed login towards the token's lock) and refuse 'é'.
        var uri = Pkcs11Uri.Parse("pkcs11:token=My Token;object=clé?pin-value=12 34&module-path=/opt/my hsm/lib.so", "test");

        Assert.Equal("My Token", uri.Token);
        Assert.Equal("clé", uri.Object);
        Assert.Equal("12 34", uri.PinValue);
        Assert.Equal("/opt/my hsm/lib.so", uri.ModulePath);
    }

    [Fact]
    public void Parse_RawReservedCharactersInValues_ReadAsWritten()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:object=a/b#c;id=abc?pin-value=p#1/2?3=4", "test");

        Assert.Equal("a/b#c", uri.Object);
        Assert.Equal("abc"u8.ToArray(), uri.Id);
        Assert.Equal("p#1/2?3=4", uri.PinValue);
    }

    [Fact]
    public void Parse_WhitespaceInsideAttributeName_Refused()
    {
        // Pkcs11Interop alone strips whitespace and would read 'obj ect=k' as object=k.
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Pkcs11Uri.Parse("pkcs11:obj ect=k", "PrivateKeyPath"));

        Assert.Contains("'obj%20ect'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyQuery_Accepted()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:object=k?", "test");

        Assert.Equal("k", uri.Object);
    }

    [Theory]
    [InlineData("pkcs11:TOKEN=t;object=k", "the path attribute 'TOKEN' is unknown")]
    [InlineData("pkcs11:objet=k", "the path attribute 'objet' is unknown")]
    [InlineData("pkcs11:object=k?PIN-VALUE=1234", "the query attribute 'PIN-VALUE' is unknown; attribute names are lower case (pin-value)")]
    [InlineData("pkcs11:object=k;pin-value=1234", "pin-value is a query attribute")]
    [InlineData("pkcs11:object=k?x-a=1&x-a=2", "'x-a' appears twice")]
    [InlineData("pkcs11:object=k?pin-value=1&pin-value=2", "'pin-value' appears twice")]
    [InlineData("pkcs11:slot-id=+3", "slot-id '+3' is not a decimal number")]
    [InlineData("pkcs11:slot-id=-0", "slot-id '-0' is not a decimal number")]
    [InlineData("pkcs11:slot-id=0x10", "slot-id '0x10' is not a decimal number")]
    [InlineData("pkcs11:slot-id=18446744073709551616", "slot-id '18446744073709551616' is not a decimal number")]
    [InlineData("pkcs11:slot-id=", "slot-id '' is not a decimal number")]
    [InlineData("pkcs11:token=123456789012345678901234567890123", "'token' is longer than its PKCS#11 field")]
    [InlineData("pkcs11:serial=12345678901234567", "'serial' is longer than its PKCS#11 field")]
    [InlineData("pkcs11:library-version=abc", "library-version 'abc'")]
    [InlineData("pkcs11:library-version=99999999999", "library-version '99999999999'")]
    [InlineData("pkcs11:object=k;id=%0", "the value of 'id' has a '%' not followed by two hex digits")]
    [InlineData("pkcs11:object=k;x-v=%", "the value of 'x-v' has a '%'")]
    [InlineData("pkcs11:=k", "without a name")]
    [InlineData("pkcs11:object=%EF%BF%BD", "'object' is not UTF-8")]
    public void Parse_WhereParsersDiffer_RefusedNamingTheAttribute(string text, string expected)
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Pkcs11Uri.Parse(text, "PrivateKeyPath"));

        Assert.StartsWith("PrivateKeyPath is not a valid PKCS#11 URI", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Theory]
    [InlineData("pkcs11:slot-id=18446744073709551615", 18446744073709551615UL)]
    [InlineData("pkcs11:slot-id=0", 0UL)]
    public void Parse_SlotIdInRange_Accepted(string text, ulong expected)
    {
        Assert.Equal(expected, Pkcs11Uri.Parse(text, "test").SlotId);
    }

    [Fact]
    public void Parse_LibraryAttributesAndLongObjectLabel_Accepted()
    {
        string label = new('k', 200);

        var uri = Pkcs11Uri.Parse($"pkcs11:library-manufacturer=SoftHSM;library-description=Implementation%20of%20PKCS11;library-version=2.6;object={label}", "test");

        Assert.Equal(label, uri.Object);
    }

    [Theory]
    [InlineData("pkcs11:object=k?pin-value=secret%")]
    [InlineData("pkcs11:object=k?pin-value=secret%F")]
    [InlineData("pkcs11:object=k?pin-value=secret%zz")]
    [InlineData("pkcs11:object=k?pin-value=secret%FF")]
    [InlineData("pkcs11:object=k?pin-value=secret&pin-value=secret")]
    [InlineData("pkcs11:object=k;pin-value=secret")]
    [InlineData("pkcs11:object=k;id=%0?pin-value=secret")]
    [InlineData("pkcs11:library-version=abc?pin-value=secret")]
    [InlineData("pkcs11:slot-id=x?pin-value=secret")]
    [InlineData("pkcs11:tokn=a?pin-value=secret")]
    [InlineData("pkcs11:object=k?Pin-Value=secret")]
    [InlineData("PKCS11:type=bad?pin-value=secret")]
    [InlineData("pkcs11:object?pin-value=secret")]
    [InlineData("pkcs11:token=123456789012345678901234567890123?pin-value=secret")]
    [InlineData("file:pkcs11:object=k?pin-value=secret")]
    public void Parse_MalformedUriWithPin_NeverShowsPin(string text)
    {
        var ex = Assert.Throws<RolesAnywhereConfigurationException>(() => Pkcs11Uri.Parse(text, "PrivateKeyPath"));

        Assert.Contains("PrivateKeyPath", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithPin_OmitsPinAndModule()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:token=t;object=k;id=%01%FF;slot-id=3?pin-value=secret-pin&module-path=/m.so", "test");

        Assert.Equal("pkcs11:token=t;slot-id=3;object=k;id=%01%FF", uri.ToString());
    }
}
