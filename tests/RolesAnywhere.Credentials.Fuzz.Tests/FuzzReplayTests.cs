using RolesAnywhere.Credentials.Fuzz;

namespace RolesAnywhere.Credentials.Fuzz.Tests;

/// <summary>
/// Every seed (fuzz/seeds/&lt;target&gt;/) and every input that once crashed a parser (fuzz/crashes/&lt;target&gt;/),
/// run once through its target's entry point in process, as afl runs them. A target returns when the parser accepted
/// the input or refused it with the exception it documents for bad input; anything else escapes and fails the test,
/// so a regression of a fixed crash, a parser change the harness no longer compiles or runs against, or a seed the
/// parser no longer handles shows here, without afl.
/// </summary>
public sealed class FuzzReplayTests
{
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "fuzz-seeds");
    private static readonly string Crashes = Path.Combine(AppContext.BaseDirectory, "fuzz-crashes");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { Seeds, Crashes }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(AppContext.BaseDirectory, file);
                data.Add(relative.Split(Path.DirectorySeparatorChar)[1], relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Run_SeedOrSavedCrash_ReturnsOrThrowsOnlyDocumentedException(string target, string input)
    {
        var fuzzTarget = FuzzTargets.Find(target);
        Assert.True(fuzzTarget is not null, $"{input} is in a folder named after no fuzz target (known: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}).");

        fuzzTarget.Run(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, input)));
    }

    [Fact]
    public void Seeds_EveryTarget_HasAtLeastOne()
    {
        var missing = FuzzTargets.All.Where(target => !Directory.Exists(Path.Combine(Seeds, target.Name)) || !Directory.EnumerateFiles(Path.Combine(Seeds, target.Name)).Any()).Select(target => target.Name).ToList();

        Assert.True(missing.Count == 0, $"afl-fuzz cannot start without seeds: add some to fuzz/seeds/<target>/ for {string.Join(", ", missing)}.");
    }
}
