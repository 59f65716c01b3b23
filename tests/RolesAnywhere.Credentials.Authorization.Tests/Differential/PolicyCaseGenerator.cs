using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Authorization.Tests.Support;

namespace RolesAnywhere.Credentials.Authorization.Tests.Differential;

/// <summary>
/// Generates (certificate, trust policy, trust anchor) cases from a seed: every condition operator the IAM reference lists for
/// strings and ARNs with its Not/IfExists/ForAnyValue:/ForAllValues: forms, Null, operators outside the model and names that are
/// no operator, every key Roles Anywhere supplies (and some it does not) in mixed letter case, values with *, ?, $, policy
/// variables with and without defaults and the ${*} ${?} ${$} escapes, Action/NotAction with wildcards, several statements with
/// Deny, principals in other forms and letter case, and both policy versions. Values are drawn mostly from the certificates'
/// own attributes so that allows are common, not rare.
/// </summary>
internal sealed class PolicyCaseGenerator
{
    public const string Account = "111122223333";
    public const string RoleArn = "arn:aws:iam::111122223333:role/Workload";
    public static readonly string[] Anchors =
    [
        "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/0b6a2c7e-1111-4c1d-9c43-6f1b1d2a3e4f",
        "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/a*b?c",
    ];

    private static readonly string[] BaseOperators =
    [
        "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
        "ArnEquals", "ArnNotEquals", "ArnLike", "ArnNotLike",
    ];

    private static readonly string[] Keys =
    [
        "aws:SourceArn", "aws:SourceAccount", "aws:PrincipalTag/x509Subject/CN", "aws:PrincipalTag/x509Subject/OU", "aws:PrincipalTag/x509Subject/O",
        "aws:PrincipalTag/x509Issuer/CN", "aws:PrincipalTag/x509SAN/DNS", "aws:PrincipalTag/x509SAN/URI", "aws:RequestTag/x509Subject/CN",
        "aws:TagKeys", "sts:SourceIdentity", "sts:RoleSessionName", "aws:PrincipalTag/team",
    ];

    private static readonly string[] VariableValues =
    [
        "${aws:PrincipalTag/x509Subject/CN}", "${aws:PrincipalTag/x509Subject/OU, 'none'}", "${aws:SourceAccount}", "db-${aws:PrincipalTag/x509Subject/OU}",
        "${*}", "${?}", "${$}", "a${*}", "db-${?}", "${aws:SourceArn}", "${sts:RoleSessionName}", "$${*}", "${aws:PrincipalTag/team, 'x'}",
    ];

    private readonly Random _random;
    private readonly IReadOnlyList<CertificateSubject> _subjects;

    public PolicyCaseGenerator(int seed, IReadOnlyList<CertificateSubject> subjects)
    {
        _random = new Random(seed);
        _subjects = subjects;
    }

    /// <summary>The certificates the cases draw from: names with wildcard characters, $, case variants, repeats and multi-valued RDNs.</summary>
    public static IReadOnlyList<CertificateSubject> Subjects(X509Certificate2 root)
    {
        (string Subject, (int, string)[] Sans)[] specs =
        [
            ("CN=db-1, OU=Data, O=Example", [(2, "db-1.example.com"), (6, "spiffe://example.org/db")]),
            ("CN=db-2, OU=data, O=Example", [(2, "DB-2.example.com")]),
            ("CN=web*, OU=Web", [(2, "web.example.com"), (2, "other.example.com")]),
            ("CN=a?b, OU=Q$", []),
            ("CN=${*}, OU=Data", [(6, "urn:x:${?}")]),
            ("CN=DB-1, OU=Data", [(2, "db-1.example.com")]),
            ("CN=db-1, CN=db-2, OU=Data", []),
            ("CN=db-1+OU=Data, O=Example", []),
            ("OU=Data, O=Example", [(2, "nocn.example.com")]),
            ("CN=*, OU=*", [(2, "*.example.com")]),
            ("CN=db-1, OU=Data, OU=Ops", [(6, "https://example.org/db-1")]),
            ("CN=$, OU=a*", []),
        ];
        return specs.Select(spec =>
        {
            var certificate = TestCertificates.Issue(
                root,
                spec.Subject.Contains('+', StringComparison.Ordinal) ? TestCertificates.MultiValuedName("db-1", "Data", "Example") : new X500DistinguishedName(spec.Subject),
                spec.Sans.Length == 0 ? null : request => request.CertificateExtensions.Add(TestCertificates.SubjectAlternativeNames(spec.Sans)));
            var values = new List<string>();
            foreach (var part in spec.Subject.Split(new[] { ',', '+' }))
            {
                values.Add(part.Trim()[(part.Trim().IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }

            values.AddRange(spec.Sans.Select(s => s.Item2));
            return new CertificateSubject(certificate, values);
        }).ToArray();
    }

    public PolicyCase Next(int id)
    {
        var subject = _subjects[_random.Next(_subjects.Count)];
        var anchor = Anchors[_random.Next(Anchors.Length)];
        var statements = new JsonArray();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            statements.Add(Statement(subject, anchor, deny: i > 0 && _random.Next(3) == 0));
        }

        var policy = new JsonObject
        {
            ["Version"] = _random.Next(10) == 0 ? "2008-10-17" : "2012-10-17",
            ["Statement"] = statements,
        };
        return new PolicyCase(id, subject.Certificate, anchor, policy);
    }

    private JsonObject Statement(CertificateSubject subject, string anchor, bool deny)
    {
        var statement = new JsonObject { ["Effect"] = deny ? "Deny" : "Allow" };
        statement["Principal"] = Pick(8) switch
        {
            0 => "*",
            1 => new JsonObject { ["AWS"] = "*" },
            2 => new JsonObject { ["Service"] = "RolesAnywhere.amazonaws.com" },
            3 => new JsonObject { ["Service"] = new JsonArray("ec2.amazonaws.com", "rolesanywhere.amazonaws.com") },
            4 => new JsonObject { ["Service"] = "ec2.amazonaws.com" },
            _ => new JsonObject { ["Service"] = "rolesanywhere.amazonaws.com" },
        };
        var actions = Pick(10) switch
        {
            0 => (JsonNode)"sts:*",
            1 => "*",
            2 => new JsonArray("sts:AssumeRole", "sts:Tag*"),
            3 => new JsonArray("sts:assumerole", "STS:TagSession", "sts:SetSourceIdentity"),
            4 => "sts:AssumeRole",
            5 => new JsonArray("sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity", "sts:Assume?ole"),
            _ => new JsonArray("sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"),
        };
        statement[Pick(12) == 0 ? "NotAction" : "Action"] = Pick(12) == 0 ? (JsonNode)"sts:TagSession" : actions;

        var blocks = Pick(4);
        if (blocks > 0)
        {
            var condition = new JsonObject();
            for (var i = 0; i < blocks; i++)
            {
                var op = Operator();
                var entries = condition[op] as JsonObject ?? new JsonObject();
                condition[op] = entries;
                var key = Key();
                entries[key] = Values(op, key, subject, anchor);
            }

            statement["Condition"] = condition;
        }

        return statement;
    }

    private string Operator()
    {
        var roll = Pick(40);
        if (roll == 0)
        {
            return "StringEqualz";
        }

        if (roll == 1)
        {
            return "NumericEquals";
        }

        if (roll < 5)
        {
            return "Null";
        }

        var op = BaseOperators[Pick(BaseOperators.Length)];
        var qualifier = Pick(6) switch { 0 => "ForAnyValue:", 1 => "ForAllValues:", _ => string.Empty };
        return qualifier + op + (Pick(5) == 0 ? "IfExists" : string.Empty);
    }

    private string Key()
    {
        var key = Keys[Pick(Keys.Length)];
        return Pick(8) switch
        {
            0 => key.ToUpperInvariant(),
            1 => key.ToLowerInvariant(),
            _ => key,
        };
    }

    private JsonNode Values(string op, string key, CertificateSubject subject, string anchor)
    {
        if (op == "Null")
        {
            return Pick(2) == 0 ? "true" : "false";
        }

        var count = 1 + (Pick(4) == 0 ? 1 : 0);
        var values = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            values.Add(Value(op, key, subject, anchor));
        }

        return count == 1 && Pick(2) == 0 ? values[0]!.DeepClone() : values;
    }

    private string Value(string op, string key, CertificateSubject subject, string anchor)
    {
        if (op.Contains("Arn", StringComparison.Ordinal) || key.EndsWith("SourceArn", StringComparison.OrdinalIgnoreCase))
        {
            var parts = anchor.Split(':');
            return Pick(12) switch
            {
                0 => "*",
                1 => "arn:aws:rolesanywhere:*:111122223333:trust-anchor/*",
                2 => "arn:aws:rolesanywhere:us-east-1:111122223333:trust-anchor/${*}",
                3 => "arn:aws:rolesanywhere:?s-east-1:111122223333:trust-anchor/0b6a2c7e-*",
                4 => Anchors[Pick(Anchors.Length)],
                5 => "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/a${*}b${?}c",
                6 => "arn:aws:rolesanywhere:*:${aws:SourceAccount}:trust-anchor/*",
                7 => anchor.ToUpperInvariant(),
                8 => string.Join(':', parts[..5]) + ":*",
                9 => "arn:aws:rolesanywhere:us-east-1:111122223333:*",
                _ => anchor,
            };
        }

        return Pick(10) switch
        {
            0 or 1 => VariableValues[Pick(VariableValues.Length)],
            2 => "*",
            3 => Wildcarded(subject.Values[Pick(subject.Values.Count)]),
            4 => "CN=" + subject.Values[Pick(subject.Values.Count)],
            5 => Pick(2) == 0 ? Account : "x509Subject/CN",
            6 => subject.Values[Pick(subject.Values.Count)].ToUpperInvariant(),
            _ => subject.Values[Pick(subject.Values.Count)],
        };
    }

    private string Wildcarded(string value) =>
        value.Length == 0 ? "*" : Pick(2) == 0 ? value[..(1 + Pick(value.Length))] + "*" : "?" + value[1..];

    private int Pick(int n) => _random.Next(n);
}

/// <summary>A generated certificate with the attribute values policies draw from.</summary>
internal sealed record CertificateSubject(X509Certificate2 Certificate, IReadOnlyList<string> Values);

/// <summary>One generated case.</summary>
internal sealed record PolicyCase(int Id, X509Certificate2 Certificate, string TrustAnchorArn, JsonObject Policy);
