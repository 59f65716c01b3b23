using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace RolesAnywhere.Credentials.Audit.Inputs;

/// <summary>
/// Lists and opens the objects under <c>s3://bucket/prefix</c> with the AWS SDK's standard credential chain
/// (environment, profiles — including <c>credential_process = rolesanywhere …</c> — container and instance
/// credentials). Objects stream one at a time; digest files (<c>CloudTrail-Digest/</c>) are skipped. A listing that
/// repeats a continuation token is stopped (exit 2) instead of looping for ever.
/// </summary>
internal static class S3Sources
{
    public static async IAsyncEnumerable<AuditSource> ListAsync(
        S3Location location, AuditOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var client = CreateClient(location, options);
        var request = new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Prefix };
        var listed = 0;
        var pages = 0;
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            ListObjectsV2Response page;
            try
            {
                page = await client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException e)
            {
                throw new AuditInputException($"{Name(location)}: listing failed: {e.ErrorCode ?? e.StatusCode.ToString()}: {e.Message}", e);
            }
            catch (AmazonClientException e)
            {
                throw new AuditInputException($"{Name(location)}: {e.Message} (set AWS_REGION or --region, and credentials the SDK can find)", e);
            }

            foreach (var entry in page.S3Objects ?? [])
            {
                if (entry.Key.EndsWith('/') || entry.Key.Contains("/CloudTrail-Digest/", StringComparison.Ordinal))
                {
                    continue;
                }

                listed++;
                var key = entry.Key;
                yield return new AuditSource($"s3://{location.Bucket}/{key}", ct => OpenAsync(client, location.Bucket, key, ct));
            }

            pages++;
            request.ContinuationToken = page.NextContinuationToken;
            if (!string.IsNullOrEmpty(request.ContinuationToken) && !tokens.Add(request.ContinuationToken))
            {
                // A server that hands back a token it gave before would make the listing go round for ever.
                throw new AuditInputException(
                    $"{Name(location)}: the listing returned a continuation token it had already returned (after {pages} page(s), {listed} object(s)); " +
                    "the listing would never end, so it was stopped. Check the endpoint (--endpoint) or list a narrower prefix.");
            }
        }
        while (!string.IsNullOrEmpty(request.ContinuationToken));

        if (listed == 0)
        {
            throw new AuditInputException($"{Name(location)}: no objects under this prefix; check the bucket and prefix (CloudTrail writes AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/).");
        }
    }

    private static string Name(S3Location location) => $"s3://{location.Bucket}/{location.Prefix}";

    private static AmazonS3Client CreateClient(S3Location location, AuditOptions options)
    {
        var config = new AmazonS3Config();
        if (options.S3Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (options.S3Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.S3Region ?? "us-east-1";
        }

        try
        {
            return new AmazonS3Client(config);
        }
        catch (AmazonClientException e)
        {
            throw new AuditInputException($"{Name(location)}: {e.Message} (set AWS_REGION or --region, and credentials the SDK can find)", e);
        }
    }

    private static async Task<Stream> OpenAsync(AmazonS3Client client, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            return response.ResponseStream;
        }
        catch (AmazonServiceException e)
        {
            throw new AuditInputException($"s3://{bucket}/{key}: {e.ErrorCode ?? e.StatusCode.ToString()}: {e.Message}", e);
        }
    }
}
