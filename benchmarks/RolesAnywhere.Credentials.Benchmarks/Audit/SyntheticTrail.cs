using System.IO.Compression;
using System.Text;

namespace RolesAnywhere.Credentials.Benchmarks.Audit;

/// <summary>
/// A CloudTrail log file (<c>{"Records":[…]}</c>, gzip) of realistic ~1 KB records: mostly calls made with Roles Anywhere
/// role sessions and other services' calls, one in ten a CreateSession with the service's AssumeRole. The same
/// record shapes as tests/RolesAnywhere.Credentials.Audit.Tests/Fixtures/Scenario.
/// </summary>
internal static class SyntheticTrail
{
    public static byte[] Gzip(int records)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false), 64 * 1024))
        {
            writer.Write("{\"Records\":[");
            for (var i = 0; i < records; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                writer.Write(Record(i));
            }

            writer.Write("]}");
        }

        return output.ToArray();
    }

    private static string Record(int i)
    {
        var time = new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i * 0.25).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var serial = (0x1a2b00 + (i % 500)).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        var ip = $"203.0.113.{i % 200}";
        var common = $"\"eventVersion\":\"1.08\",\"eventTime\":\"{time}\",\"awsRegion\":\"eu-west-1\",\"userAgent\":\"aws-sdk-dotnet/4.0.0 ua/2.1 os/linux lang/dotnet#10.0 md/aws-sdk-dotnet-core#4.0\",\"requestID\":\"{i:x8}-1111-2222-3333-444455556666\",\"eventID\":\"{i:x8}-aaaa-bbbb-cccc-ddddeeeeffff\",\"eventType\":\"AwsApiCall\",\"managementEvent\":false,\"recipientAccountId\":\"111122223333\",\"eventCategory\":\"Data\",\"tlsDetails\":{{\"tlsVersion\":\"TLSv1.3\",\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\",\"clientProvidedHostHeader\":\"s3.eu-west-1.amazonaws.com\"}}";
        return (i % 10) switch
        {
            0 => $"{{{common},\"userIdentity\":{{\"type\":\"Unknown\"}},\"eventSource\":\"rolesanywhere.amazonaws.com\",\"eventName\":\"CreateSession\",\"sourceIPAddress\":\"{ip}\",\"requestParameters\":{{\"trustAnchorArn\":\"arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/4a0e5f21-6b7c-4d8e-9f01-23456789abcd\",\"profileArn\":\"arn:aws:rolesanywhere:eu-west-1:111122223333:profile/0ace5b12-24b9-427e-a483-c55884852fbf\",\"roleArn\":\"arn:aws:iam::111122223333:role/app\",\"durationSeconds\":3600}},\"responseElements\":{{\"credentialSet\":[{{\"assumedRoleUser\":{{\"arn\":\"arn:aws:sts::111122223333:assumed-role/app/{serial}\",\"assumedRoleId\":\"AROAEXAMPLE:{serial}\"}},\"sourceIdentity\":\"CN=host-{i % 500}\",\"roleArn\":\"arn:aws:iam::111122223333:role/app\"}}]}}}}",
            1 => $"{{{common},\"userIdentity\":{{\"type\":\"AWSService\",\"invokedBy\":\"rolesanywhere.amazonaws.com\"}},\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"AssumeRole\",\"sourceIPAddress\":\"rolesanywhere.amazonaws.com\",\"requestParameters\":{{\"roleArn\":\"arn:aws:iam::111122223333:role/app\",\"roleSessionName\":\"{serial}\",\"sourceIdentity\":\"CN=host-{i % 500}\",\"durationSeconds\":3600}},\"responseElements\":null}}",
            2 or 3 => $"{{{common},\"userIdentity\":{{\"type\":\"IAMUser\",\"principalId\":\"AIDAJ45Q7YFFAREXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:user/Alice\",\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"userName\":\"Alice\"}},\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\",\"sourceIPAddress\":\"192.0.2.9\",\"requestParameters\":{{\"instancesSet\":{{}},\"filterSet\":{{}}}},\"responseElements\":null}}",
            _ => $"{{{common},\"userIdentity\":{{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:{serial}\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/app/{serial}\",\"accountId\":\"111122223333\",\"accessKeyId\":\"ASIAEXAMPLE{i % 500:D5}\",\"sessionContext\":{{\"sessionIssuer\":{{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:role/app\",\"accountId\":\"111122223333\",\"userName\":\"app\"}},\"attributes\":{{\"creationDate\":\"{time}\",\"mfaAuthenticated\":\"false\"}},\"sourceIdentity\":\"CN=host-{i % 500}\"}}}},\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"sourceIPAddress\":\"{ip}\",\"requestParameters\":{{\"bucketName\":\"data\",\"Host\":\"data.s3.eu-west-1.amazonaws.com\",\"key\":\"reports/{i}.csv\"}},\"responseElements\":null,\"additionalEventData\":{{\"SignatureVersion\":\"SigV4\",\"bytesTransferredIn\":0,\"bytesTransferredOut\":1432}},\"resources\":[{{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::data/reports/{i}.csv\"}}]}}",
        };
    }
}
