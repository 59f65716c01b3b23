namespace RolesAnywhere.Credentials.TestSupport;

/// <summary>
/// The skip rule for tests that need a real component (SoftHSM2, swtpm, the AWS CLI, botocore):
/// where the component is missing the test is skipped with the reason printed, except when
/// <c>ROLESANYWHERE_REQUIRE_ALL=1</c> (set by CI), where the same condition fails the test.
/// </summary>
internal static class Requirement
{
    public static bool RequireAll =>
        Environment.GetEnvironmentVariable("ROLESANYWHERE_REQUIRE_ALL") is "1" or "true";

    /// <summary>Skips (or, under ROLESANYWHERE_REQUIRE_ALL, fails) the current test unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string reasonWhenMissing)
    {
        if (condition)
        {
            return;
        }

        if (RequireAll)
        {
            Assert.Fail($"Required component missing (ROLESANYWHERE_REQUIRE_ALL=1): {reasonWhenMissing}");
        }

        Assert.Skip(reasonWhenMissing);
    }
}
