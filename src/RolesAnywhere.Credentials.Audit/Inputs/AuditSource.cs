namespace RolesAnywhere.Credentials.Audit.Inputs;

/// <summary>One document to read: a file, an S3 object or standard input, opened only when its turn comes.</summary>
internal sealed class AuditSource
{
    public AuditSource(string name, Func<CancellationToken, Task<Stream>> open)
    {
        Name = name;
        Open = open;
    }

    /// <summary>The path, <c>s3://bucket/key</c> or <c>-</c>: how messages and findings name it.</summary>
    public string Name { get; }

    public Func<CancellationToken, Task<Stream>> Open { get; }
}
