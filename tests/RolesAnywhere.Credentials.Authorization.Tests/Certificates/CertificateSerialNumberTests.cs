using System.Security.Cryptography.X509Certificates;
using RolesAnywhere.Credentials.Authorization.Certificates;
using RolesAnywhere.Credentials.Authorization.Tests.Support;

namespace RolesAnywhere.Credentials.Authorization.Tests.Certificates;

public sealed class CertificateSerialNumberTests
{
    [Theory]
    [InlineData("1f2e")]
    [InlineData("1F2E")]
    [InlineData("001f2e")]
    [InlineData("0x1f2e")]
    [InlineData("0X1F2E")]
    [InlineData("serial=1F2E")]
    [InlineData("SERIAL=001f2e")]
    [InlineData("1f:2e")]
    [InlineData("00:1f:2e")]
    [InlineData("decimal:7982")]
    [InlineData("  1f2e\t")]
    public void TryParse_EachDocumentedSpelling_IsTheSameSerial(string text)
    {
        Assert.True(CertificateSerialNumber.TryParse(text, out var serial));

        Assert.Equal("1f2e", serial.ToString());
        Assert.Equal("7982", serial.ToDecimalString());
        Assert.Equal(CertificateSerialNumber.Parse("1f2e"), serial);
    }

    [Fact]
    public void TryParse_BareDigits_AreHexNotDecimal()
    {
        Assert.True(CertificateSerialNumber.TryParse("1234", out var serial));

        Assert.Equal("1234", serial.ToString());
        Assert.Equal("4660", serial.ToDecimalString());
        Assert.NotEqual(CertificateSerialNumber.Parse("decimal:1234"), serial);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0x")]
    [InlineData("serial=")]
    [InlineData("decimal:")]
    [InlineData("decimal:12ab")]
    [InlineData("decimal:-5")]
    [InlineData("1f2g")]
    [InlineData("-1f")]
    [InlineData("1f 2e")]
    [InlineData("1f:2")]
    [InlineData("1f::2e")]
    [InlineData(":1f")]
    [InlineData("1f:")]
    [InlineData("0x0x1f")]
    public void TryParse_NotASpelling_IsRefused(string text)
    {
        Assert.False(CertificateSerialNumber.TryParse(text, out _));
        Assert.Throws<FormatException>(() => CertificateSerialNumber.Parse(text));
    }

    [Fact]
    public void TryParse_Null_IsRefused()
    {
        Assert.False(CertificateSerialNumber.TryParse((string?)null, out _));
    }

    [Fact]
    public void TryParse_LongerThanMaxLength_IsRefusedInEveryForm()
    {
        var tooLong = new string('f', (2 * CertificateSerialNumber.MaxLength) + 2);
        var longest = new string('f', 2 * CertificateSerialNumber.MaxLength);

        Assert.True(CertificateSerialNumber.TryParse("000" + longest, out _));
        Assert.False(CertificateSerialNumber.TryParse(tooLong, out _));
        Assert.False(CertificateSerialNumber.TryParse(string.Join(':', Enumerable.Repeat("ff", CertificateSerialNumber.MaxLength + 1)), out _));
        Assert.False(CertificateSerialNumber.TryParse("decimal:" + new string('9', 100), out _));
    }

    [Fact]
    public void Zero_PrintsAsZeroInBothForms()
    {
        var zero = CertificateSerialNumber.Parse("00");

        Assert.Equal("0", zero.ToString());
        Assert.Equal("0", zero.ToDecimalString());
        Assert.Equal(default, zero);
        Assert.Equal(zero, CertificateSerialNumber.Parse("decimal:0"));
    }

    [Fact]
    public void FromBigEndian_HighBitAndLeadingZero_IsUnsignedAndEqualToItsText()
    {
        var serial = CertificateSerialNumber.FromBigEndian([0x00, 0xFF, 0x01]);

        Assert.Equal("ff01", serial.ToString());
        Assert.Equal("65281", serial.ToDecimalString());
        Assert.Equal(CertificateSerialNumber.Parse("FF:01"), serial);
        Assert.Equal(CertificateSerialNumber.Parse("ff01").GetHashCode(), serial.GetHashCode());
        Assert.Equal(new byte[] { 0xFF, 0x01 }, serial.ToByteArray());
    }

    [Fact]
    public void FromCertificate_PositiveSerial_MatchesTheDecimalTheCredentialsSend()
    {
        using var root = TestCertificates.Root();
        using var leaf = TestCertificates.Issue(root, "CN=svc", serial: Convert.FromHexString("1f71c5114a119fc0cc5a5a52fb3720ad"));

        var serial = CertificateSerialNumber.FromCertificate(leaf);

        Assert.Equal("1f71c5114a119fc0cc5a5a52fb3720ad", serial.ToString());
        Assert.Equal("41796794418840706582093025104159514797", serial.ToDecimalString());
    }

    [Fact]
    public void FromCertificate_NegativeDerInteger_IsRefusedNamingTheSerial()
    {
        // .NET encodes every serial as a positive INTEGER; patch the encoded one (02 03 7e c1 01) into a negative one, as a
        // non-conforming CA writes it. The signature no longer verifies, which reading the serial does not look at.
        using var root = TestCertificates.Root();
        using var positive = TestCertificates.Issue(root, "CN=svc", serial: [0x7E, 0xC1, 0x01]);
        var der = positive.RawData;
        var at = der.AsSpan().IndexOf(new byte[] { 0x02, 0x03, 0x7E, 0xC1, 0x01 });
        der[at + 2] = 0x80;
        using var leaf = X509CertificateLoader.LoadCertificate(der);

        var error = Assert.Throws<ArgumentException>(() => CertificateSerialNumber.FromCertificate(leaf));

        Assert.Contains("80C101", error.Message, StringComparison.Ordinal);
        Assert.Contains("negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operators_CompareByValue()
    {
        Assert.True(CertificateSerialNumber.Parse("0x01") == CertificateSerialNumber.Parse("1"));
        Assert.True(CertificateSerialNumber.Parse("2") != CertificateSerialNumber.Parse("1"));
        Assert.False(CertificateSerialNumber.Parse("1").Equals("1"));
    }
}
