namespace RolesAnywhere.Credentials.Authorization.Tests.Support;

/// <summary>Trust policies from the AWS documentation, verbatim but for the placeholders, which are filled with these ARNs.</summary>
internal static class DocumentedPolicies
{
    public const string TrustAnchorArn = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/TA_ID";
    public const string OtherTrustAnchorArn = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/OTHER";

    /// <summary>
    /// "The following example shows trust policies that add a condition based on the Issuer Common Name (CN) of the certificate."
    /// — https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html
    /// </summary>
    public const string IssuerCnBob = """
        {
          "Version":"2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": { "Service": "rolesanywhere.amazonaws.com" },
              "Action": [ "sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity" ],
              "Condition": {
                "StringEquals": { "aws:PrincipalTag/x509Issuer/CN": "Bob" },
                "ArnEquals": { "aws:SourceArn": [ "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/TA_ID" ] }
              }
            }
          ]
        }
        """;

    /// <summary>The same page's second example: <c>StringNotEquals</c>, which "will evaluate to true" when the mapping drops the tag.</summary>
    public const string IssuerCnNotBob = """
        {
          "Version":"2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": { "Service": "rolesanywhere.amazonaws.com" },
              "Action": [ "sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity" ],
              "Condition": {
                "StringNotEquals": { "aws:PrincipalTag/x509Issuer/CN": "Bob" },
                "ArnEquals": { "aws:SourceArn": [ "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/TA_ID" ] }
              }
            }
          ]
        }
        """;

    /// <summary>A profile mapping with no CN (and no <c>*</c>) for <c>x509Issuer</c>, as the same page describes.</summary>
    public const string MappingWithoutIssuerCn = """
        {"attributeMappings": [
          { "certificateField": "x509Issuer", "mappingRules": [ { "specifier": "O" } ] },
          { "certificateField": "x509Subject", "mappingRules": [ { "specifier": "*" } ] }
        ]}
        """;

    /// <summary>A statement from a role trust policy with the three actions and a given condition block.</summary>
    public static string WithCondition(string condition, string effect = "Allow", string principal = """{"Service":"rolesanywhere.amazonaws.com"}""", string version = "2012-10-17") => $$"""
        {"Version":"{{version}}","Statement":[{"Effect":"{{effect}}","Principal":{{principal}},
          "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Condition":{{condition}}}]}
        """;
}
