using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Packaging.Tests;

/// <summary>What a consumer of each package sees: metadata, files, target frameworks, symbols and source links.</summary>
public sealed class PackageMetadataTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    private const string ToolProject = "RolesAnywhere.Credentials.Tool";

    public static TheoryData<string> Libraries() => new(PackedPackages.ListProjects().Where(p => p != ToolProject));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_Nuspec_HasTheMetadataConsumersSee(string id)
    {
        var nuspec = ReadNuspec(packages.PackagePath(id));

        Assert.Equal(id, Value(nuspec, "id"));
        Assert.Equal(ExpectedVersion(), Value(nuspec, "version"));
        Assert.Equal("Apache-2.0", Value(nuspec, "license"));
        Assert.Equal("expression", Element(nuspec, "license").Attribute("type")?.Value);
        Assert.Equal("README.md", Value(nuspec, "readme"));
        Assert.Equal("icon.png", Value(nuspec, "icon"));
        Assert.False(string.IsNullOrWhiteSpace(Value(nuspec, "description")), $"{id} has no description");
        Assert.False(string.IsNullOrWhiteSpace(Value(nuspec, "releaseNotes")), $"{id} has no release notes");
        Assert.Contains("roles-anywhere", Value(nuspec, "tags"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_Package_ShipsBothFrameworksWithDocsReadmeIconAndChangelog(string id)
    {
        using var zip = PackedPackages.Open(packages.PackagePath(id));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var framework in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/{id}.dll", entries);
            Assert.Contains($"lib/{framework}/{id}.xml", entries);
        }

        Assert.Contains("README.md", entries);
        Assert.Contains("icon.png", entries);
        Assert.Contains("CHANGELOG.md", entries);

        var groups = Element(ReadNuspec(zip), "dependencies").Elements().Select(g => g.Attribute("targetFramework")?.Value).ToArray();
        Assert.Contains("net8.0", groups);
        Assert.Contains("net10.0", groups);
    }

    [Theory]
    [InlineData("RolesAnywhere.Credentials.Pkcs11", false)]
    [InlineData("RolesAnywhere.Credentials.MLDsa", true)]
    [InlineData("RolesAnywhere.Credentials.Testing", false)]
    public void Library_DependsOnTheCore_ExactlyOnlyWhenItUsesTheCoresInternals(string id, bool exact)
    {
        // A package given the core's internals (InternalsVisibleTo) breaks with any other core build, so it must pin
        // the exact version; one that uses only the public API takes this version or later.
        string version = ExpectedVersion();
        var dependencies = Element(ReadNuspec(packages.PackagePath(id)), "dependencies").Descendants()
            .Where(e => e.Name.LocalName == "dependency" && e.Attribute("id")?.Value == "RolesAnywhere.Credentials")
            .Select(e => e.Attribute("version")?.Value)
            .ToArray();

        Assert.Equal(2, dependencies.Length); // one per target framework
        Assert.All(dependencies, range => Assert.Equal(exact ? $"[{version}]" : version, range));

        var coreProject = XDocument.Load(Path.Combine(packages.RepositoryRoot, "src", "RolesAnywhere.Credentials", "RolesAnywhere.Credentials.csproj"));
        bool seesInternals = coreProject.Descendants("InternalsVisibleTo").Any(e => e.Attribute("Include")?.Value == id);
        Assert.Equal(exact, seesInternals);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_SymbolsPackage_HasAPdbForEachFramework(string id)
    {
        using var zip = PackedPackages.Open(packages.PackagePath(id, ".snupkg"));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains($"lib/net8.0/{id}.pdb", entries);
        Assert.Contains($"lib/net10.0/{id}.pdb", entries);
    }

    [Fact]
    public void Tool_Package_IsADotnetToolPointingToTheRuntimeSpecificPackages()
    {
        using var zip = PackedPackages.Open(packages.PackagePath(ToolProject));
        var nuspec = ReadNuspec(zip);

        Assert.Equal("DotnetTool", Element(nuspec, "packageTypes").Elements().Single().Attribute("name")?.Value);
        Assert.Equal("README.md", Value(nuspec, "readme"));
        Assert.Equal("icon.png", Value(nuspec, "icon"));
        var settings = ToolSettings(zip);
        Assert.Equal("rolesanywhere", settings.Descendants("Command").Single().Attribute("Name")?.Value);

        // The package users name holds no implementation: the .NET CLI installs the one listed for the platform.
        var listed = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value);
        Assert.Equal($"{ToolProject}.linux-x64", listed["linux-x64"]);
        Assert.Equal($"{ToolProject}.any", listed["any"]);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal));
    }

    [Fact]
    public void Tool_AnyPackage_IsTheFrameworkDependentToolWithPkcs11()
    {
        using var zip = PackedPackages.Open(packages.PackagePath($"{ToolProject}.any"));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Equal("rolesanywhere", ToolSettings(zip).Descendants("Command").Single().Attribute("Name")?.Value);
        Assert.Contains("tools/net10.0/any/rolesanywhere.dll", entries);
        Assert.Contains("tools/net10.0/any/RolesAnywhere.Credentials.Pkcs11.dll", entries);
        Assert.Contains("tools/net10.0/any/Pkcs11Interop.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal) && !e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void Tool_LinuxX64Package_IsOneNativeAotExecutable()
    {
        var path = Directory.GetFiles(packages.Directory, $"{ToolProject}.linux-x64.*.nupkg").SingleOrDefault(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        Requirement.That(path is not null, $"no {ToolProject}.linux-x64 package in {packages.Directory}: the Native AOT package is made by `eng/pack.sh` without --no-native on linux-x64 (as .ci/run does)");

        using var zip = PackedPackages.Open(path!);
        var files = zip.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal)).Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();

        // The executable and the tool settings, nothing else: no managed assemblies, no 34 MB native debug file, no PDBs.
        Assert.Equal(["tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/rolesanywhere"], files);
        using var executable = zip.GetEntry("tools/any/linux-x64/rolesanywhere")!.Open();
        var magic = new byte[4];
        executable.ReadExactly(magic);
        Assert.Equal("\u007FELF"u8.ToArray(), magic);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Repository_IsTheCheckoutsRemoteAndCommit_NeverInvented(string id)
    {
        var repository = ReadNuspec(packages.PackagePath(id)).Descendants().FirstOrDefault(e => e.Name.LocalName == "repository");
        var remote = Git("remote", "get-url", "origin");
        var url = repository?.Attribute("url")?.Value;

        if (remote is null)
        {
            Assert.Null(url);
        }
        else if (url is not null)
        {
            Assert.Equal(remote.TrimEnd('/').Replace(".git", "", StringComparison.Ordinal), url.TrimEnd('/').Replace(".git", "", StringComparison.Ordinal));
        }

        var head = Git("rev-parse", "HEAD");
        if (head is not null && repository?.Attribute("commit")?.Value is { } commit)
        {
            Assert.Equal(head, commit);
        }
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_Readme_LinksWorkOnNuGetOrg(string id)
    {
        // nuget.org shows the packed README.md away from the repository: a relative link (docs/…) leads nowhere there
        // (issue 17, item 6). Links must be absolute or anchors within the README; files of the repository are named as text.
        using var zip = PackedPackages.Open(packages.PackagePath(id));
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();

        var relative = System.Text.RegularExpressions.Regex.Matches(readme, @"\]\(([^)\s]+)\)")
            .Select(m => m.Groups[1].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith("http://", StringComparison.Ordinal) && !target.StartsWith('#'))
            .ToList();
        Assert.True(relative.Count == 0, $"{id}'s README links to {string.Join(", ", relative)}, which nuget.org cannot open");
    }

    private string ExpectedVersion()
    {
        var props = XDocument.Load(Path.Combine(packages.RepositoryRoot, "Directory.Build.props"));
        return props.Descendants("Version").Single().Value;
    }

    private string? Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = packages.RepositoryRoot };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 && output.Length > 0 ? output : null;
    }

    private static XElement ReadNuspec(string path)
    {
        using var zip = PackedPackages.Open(path);
        return ReadNuspec(zip);
    }

    private static XElement ReadNuspec(ZipArchive zip)
    {
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!;
    }

    private static XDocument ToolSettings(ZipArchive zip)
    {
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private static XElement Element(XElement nuspec, string name) =>
        nuspec.Descendants().FirstOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>.");

    private static string Value(XElement nuspec, string name) => Element(nuspec, name).Value;
}
