using RolesAnywhere.Credentials.Signing;

namespace RolesAnywhere.Credentials.Tests.Signing;

/// <summary>The canonical query: RFC 3986 encoding of UTF-8 bytes, sorted by encoded name then value.</summary>
public sealed class QueryStringTests
{
    [Theory]
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    [InlineData("a b", "a%20b")]
    [InlineData("a+b", "a%2Bb")]
    [InlineData("arn:aws:iam::111122223333:role/x", "arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fx")]
    [InlineData("!*'();@&=$,?#[]%", "%21%2A%27%28%29%3B%40%26%3D%24%2C%3F%23%5B%5D%25")]
    [InlineData("\"<>\\^`{|}", "%22%3C%3E%5C%5E%60%7B%7C%7D")]
    [InlineData("\t\n", "%09%0A")]
    [InlineData("é", "%C3%A9")]
    [InlineData("€", "%E2%82%AC")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("", "")]
    public void FormatQueryString_Value_IsRfc3986EncodedUpperCase(string value, string expected)
    {
        string query = RolesAnywhereRequestSigner.FormatQueryString([KeyValuePair.Create("k", value)]);

        Assert.Equal("k=" + expected, query);
    }

    [Fact]
    public void FormatQueryString_Name_IsEncodedLikeValues()
    {
        Assert.Equal("a%20b%2Fc=1", RolesAnywhereRequestSigner.FormatQueryString([KeyValuePair.Create("a b/c", "1")]));
    }

    [Fact]
    public void FormatQueryString_UnsortedNames_SortedOrdinally()
    {
        KeyValuePair<string, string>[] parameters =
        [
            KeyValuePair.Create("trustAnchorArn", "t"),
            KeyValuePair.Create("roleArn", "r"),
            KeyValuePair.Create("profileArn", "p"),
            KeyValuePair.Create("Zeta", "z"),
        ];

        Assert.Equal("Zeta=z&profileArn=p&roleArn=r&trustAnchorArn=t", RolesAnywhereRequestSigner.FormatQueryString(parameters));
    }

    [Fact]
    public void FormatQueryString_RepeatedName_SortedByValue()
    {
        KeyValuePair<string, string>[] parameters = [KeyValuePair.Create("a", "2"), KeyValuePair.Create("a", "10"), KeyValuePair.Create("a", "1")];

        Assert.Equal("a=1&a=10&a=2", RolesAnywhereRequestSigner.FormatQueryString(parameters));
    }

    [Fact]
    public void FormatQueryString_NamesWhoseOrderChangesWhenEncoded_SortedByEncodedName()
    {
        // Raw '.' (0x2E) sorts before '/' (0x2F), but '/' encodes as "%2F" and '%' (0x25) sorts before '.'.
        KeyValuePair<string, string>[] parameters = [KeyValuePair.Create("a.b", "1"), KeyValuePair.Create("a/b", "2")];

        Assert.Equal("a%2Fb=2&a.b=1", RolesAnywhereRequestSigner.FormatQueryString(parameters));
    }

    [Fact]
    public void FormatQueryString_ManyParameters_AllSorted()
    {
        // More parameters and bytes than the stack buffers hold: the rented path.
        KeyValuePair<string, string>[] parameters = Enumerable.Range(0, 40)
            .Select(i => KeyValuePair.Create($"p{39 - i:D2}", new string('x', 30)))
            .ToArray();

        string[] names = RolesAnywhereRequestSigner.FormatQueryString(parameters).Split('&').Select(p => p.Split('=')[0]).ToArray();

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"p{i:D2}"), names);
    }

    [Fact]
    public void FormatQueryString_NullOrEmpty_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, RolesAnywhereRequestSigner.FormatQueryString(null));
        Assert.Equal(string.Empty, RolesAnywhereRequestSigner.FormatQueryString([]));
    }

    [Fact]
    public void FormatQueryString_UnpairedSurrogate_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            RolesAnywhereRequestSigner.FormatQueryString([KeyValuePair.Create("ok", "bad\uD800")]));

        Assert.Equal("parameters", error.ParamName);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatQueryString_NullValue_ThrowsArgumentException()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            RolesAnywhereRequestSigner.FormatQueryString([KeyValuePair.Create("name", (string)null!)]));

        Assert.Contains("null value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatQueryString_Result_SurvivesSystemUri()
    {
        // What is sent must equal what is signed: System.Uri must not re-encode or decode the query.
        string query = RolesAnywhereRequestSigner.FormatQueryString(
        [
            KeyValuePair.Create("roleArn", "arn:aws:iam::111122223333:role/a b+c"),
            KeyValuePair.Create("x", "é~!*"),
        ]);

        var uri = new Uri("https://rolesanywhere.us-east-1.amazonaws.com/sessions?" + query);

        Assert.Equal("?" + query, uri.Query);
        Assert.Equal("/sessions?" + query, uri.PathAndQuery);
    }
}
