using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;

namespace RolesAnywhere.Credentials.Packaging.Tests;

/// <summary>
/// The packages of every packable project under <c>src/</c>, made once per test run: CI packs them before the tests
/// and names the folder in <c>ROLESANYWHERE_PACKAGE_DIR</c>; without it the fixture runs <c>eng/pack.sh --no-native</c>
/// itself into a temporary folder (a minute or two).
/// </summary>
public sealed class PackedPackages : IDisposable
{
    private readonly string? ownedDirectory;

    public PackedPackages()
    {
        RepositoryRoot = Root();

        var given = Environment.GetEnvironmentVariable("ROLESANYWHERE_PACKAGE_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            Directory = given;
        }
        else
        {
            ownedDirectory = Path.Combine(Path.GetTempPath(), "rolesanywhere-pack-" + Guid.NewGuid().ToString("N"));
            Directory = ownedDirectory;
            Pack(RepositoryRoot, ownedDirectory);
        }
    }

    public string RepositoryRoot { get; }

    public string Directory { get; }

    /// <summary>The packable project names under src/ (those not marked <c>IsPackable</c> false): each one is its package's id.</summary>
    public static IReadOnlyList<string> ListProjects() =>
        System.IO.Directory.GetFiles(Path.Combine(Root(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => !File.ReadAllText(path).Contains("<IsPackable>false</IsPackable>", StringComparison.Ordinal))
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public string PackagePath(string id, string extension = ".nupkg")
    {
        var matches = System.IO.Directory.GetFiles(Directory, id + ".*" + extension)
            .Where(path => IsVersionSuffix(Path.GetFileName(path)[(id.Length + 1)..^extension.Length]))
            .ToArray();
        Assert.True(matches.Length == 1, $"Expected one {id} package ({extension}) in {Directory}, found {matches.Length}: {string.Join(", ", System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName))}");
        return matches[0];
    }

    public static ZipArchive Open(string path) => ZipFile.OpenRead(path);

    public void Dispose()
    {
        if (ownedDirectory is not null && System.IO.Directory.Exists(ownedDirectory))
        {
            System.IO.Directory.Delete(ownedDirectory, recursive: true);
        }
    }

    private static string Root() =>
        typeof(PackedPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static bool IsVersionSuffix(string text) => text.Length > 0 && char.IsAsciiDigit(text[0]) && !text.EndsWith(".symbols", StringComparison.Ordinal);

    /// <summary>Packs as CI does (<c>eng/pack.sh</c>), without the Native AOT package (minutes; CI makes it).</summary>
    private static void Pack(string root, string output)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(root, "eng", "pack.sh"), "--no-native", output])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"eng/pack.sh failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
    }
}
