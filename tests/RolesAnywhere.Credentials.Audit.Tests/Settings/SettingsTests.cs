using RolesAnywhere.Credentials.Audit.Settings;
using RolesAnywhere.Credentials.Audit.Tests.Support;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Tests.Settings;

public sealed class SettingsTests
{
    [Fact]
    public void KnownSerials_EveryDocumentedForm_SameSerials()
    {
        var known = KnownSerials.Parse("# fleet\n\ndecimal:6851\n0x1AC3 # web-02\nserial=00:1A:C4\n  serial=1AC5\r\n1ac6\n1A:C7\n", "known.txt");
        Assert.Equal(5, known.Count); // decimal 6851 is 0x1AC3
        foreach (var hex in new[] { "1ac3", "1ac4", "1ac5", "1ac6", "1ac7" })
        {
            Assert.True(known.Contains(CertificateSerialNumber.Parse(hex)), hex);
        }
    }

    [Fact]
    public void KnownSerials_WhatTheAuditPrints_ReadBack()
    {
        // Lowercase hex without a prefix is how findings name serials; it used to be refused.
        var known = KnownSerials.Parse("1a2b3c\ndead01\n", "fleet.txt");

        Assert.True(known.Contains(CertificateSerialNumber.Parse("0x1A2B3C")));
        Assert.True(known.Contains(CertificateSerialNumber.Parse("dead01")));
    }

    [Fact]
    public void KnownSerials_DigitsOnly_AreHex()
    {
        // openssl ca numbers its certificates 1000, 1001, ... in hex; "1234" used to be read as decimal 1234 (0x4d2).
        var known = KnownSerials.Parse("1234\n", "fleet.txt");

        Assert.True(known.Contains(CertificateSerialNumber.FromBigEndian([0x12, 0x34])));
        Assert.False(known.Contains(CertificateSerialNumber.Parse("decimal:1234")));
    }

    [Fact]
    public void KnownSerials_NotASerial_RefusedNamingTheLineAndTheSpellings()
    {
        var error = Assert.Throws<AuditInputException>(() => KnownSerials.Parse("0x01\n1F2G\n", "fleet.txt"));
        Assert.Contains("fleet.txt, line 2: '1F2G'", error.Message, StringComparison.Ordinal);
        Assert.Contains("serial=1F2E", error.Message, StringComparison.Ordinal);
        Assert.Contains("decimal:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RevocationList_DerAndPem_SerialsAndDatesRead()
    {
        var at = new DateTimeOffset(2026, 11, 19, 10, 30, 0, TimeSpan.Zero);
        var list = new RevocationList();
        list.Add(TestCrl.Der(("00ab", at)), "a.crl");
        list.Add(System.Text.Encoding.ASCII.GetBytes(TestCrl.Pem(("0100ff", at.AddDays(1)))), "b.pem");
        Assert.Equal(2, list.Count);
        Assert.True(CertificateSerialNumber.TryParse("ab", out var first));
        Assert.True(list.TryGet(first, out var when, out var source));
        Assert.Equal((at, "a.crl"), (when, source));
        Assert.True(CertificateSerialNumber.TryParse("100ff", out var second));
        Assert.True(list.TryGet(second, out _, out var secondSource));
        Assert.Equal("b.pem", secondSource);
    }

    [Fact]
    public void RevocationList_NotACrl_NamedError()
    {
        var error = Assert.Throws<AuditInputException>(() => new RevocationList().Add("hello"u8, "notes.txt"));
        Assert.Contains("--crl notes.txt: The CRL is not a DER or PEM", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Europe/Berlin switches to summer time on 2026-03-29 at 01:00 UTC: 07:30 UTC is 08:30 before, 09:30 after.
    [InlineData("2026-03-28T07:30:00Z", false)]
    [InlineData("2026-03-29T07:30:00Z", true)]
    // ... and back on 2026-10-25: 16:30 UTC is 18:30 CEST the day before (outside), 17:30 CET that day (inside).
    [InlineData("2026-10-24T16:30:00Z", false)]
    [InlineData("2026-10-25T16:30:00Z", true)]
    public void BusinessHours_DaylightSavingChanges_AppliedPerEvent(string utc, bool inside)
    {
        var hours = BusinessHours.Parse("09:00-18:00", "Europe/Berlin");
        Assert.Equal(inside, hours.Contains(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2026-11-20T23:30:00Z", true)]
    [InlineData("2026-11-20T05:59:00Z", true)]
    [InlineData("2026-11-20T12:00:00Z", false)]
    public void BusinessHours_NightShiftPastMidnight_Wraps(string utc, bool inside) =>
        Assert.Equal(inside, BusinessHours.Parse("22:00-06:00", "UTC").Contains(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void BusinessHours_UnknownZoneOrBadRange_NamedErrors()
    {
        Assert.Contains("--time-zone 'Mars/Olympus'", Assert.Throws<AuditInputException>(() => BusinessHours.Parse("09:00-17:00", "Mars/Olympus")).Message, StringComparison.Ordinal);
        Assert.Contains("--business-hours '9-5'", Assert.Throws<AuditInputException>(() => BusinessHours.Parse("9-5", "UTC")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllowedNetworks_V4V6MappedAndServiceNames()
    {
        var allowed = AllowedNetworks.Parse("203.0.113.0/24, 2001:db8::/32,192.0.2.7");
        Assert.True(allowed.Contains("203.0.113.99"));
        Assert.True(allowed.Contains("::ffff:203.0.113.5"));
        Assert.True(allowed.Contains("2001:db8:1::1"));
        Assert.True(allowed.Contains("192.0.2.7"));
        Assert.False(allowed.Contains("192.0.2.8"));
        Assert.Null(allowed.Contains("rolesanywhere.amazonaws.com"));
        Assert.Contains("'10.0.0.1/8'", Assert.Throws<AuditInputException>(() => AllowedNetworks.Parse("10.0.0.1/8")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FailureBurst_Parse()
    {
        Assert.Equal(new FailureBurst(3, TimeSpan.FromMinutes(15)), FailureBurst.Parse("3/15"));
        Assert.Contains("default is 5/10", Assert.Throws<AuditInputException>(() => FailureBurst.Parse("1/0")).Message, StringComparison.Ordinal);
    }
}
