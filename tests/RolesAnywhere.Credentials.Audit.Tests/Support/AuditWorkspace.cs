using System.IO.Compression;

namespace RolesAnywhere.Credentials.Audit.Tests.Support;

/// <summary>A temporary folder for log files, serial lists and CRLs, deleted after the test.</summary>
internal sealed class AuditWorkspace : IDisposable
{
    public AuditWorkspace() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "rolesanywhere-audit-tests-" + Guid.NewGuid().ToString("N")[..10]);

    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public string Write(string relative, string content)
    {
        var path = Prepare(relative);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string relative, byte[] content)
    {
        var path = Prepare(relative);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteGzip(string relative, string content) => Write(relative, Gzip(System.Text.Encoding.UTF8.GetBytes(content)));

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Prepare(string relative)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
