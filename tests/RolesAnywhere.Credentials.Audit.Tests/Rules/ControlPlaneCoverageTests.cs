using System.Diagnostics;
using System.Text.Json.Nodes;
using RolesAnywhere.Credentials.Audit.Tests.Support;
using RolesAnywhere.Credentials.TestSupport;

namespace RolesAnywhere.Credentials.Audit.Tests.Rules;

/// <summary>
/// Every action of the IAM Roles Anywhere API that changes something is reported by one control-plane rule. The list of
/// actions is not written here: it is read from botocore's service model (<c>rolesanywhere</c> 2018-05-10, the same 30
/// operations as the API reference, https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_Operations.html),
/// so an action AWS adds later fails this test until a rule covers it or it is listed as deliberately not reported.
/// </summary>
public sealed class ControlPlaneCoverageTests
{
    /// <summary>Tags change no trust: they are not reported (docs/detection.md).</summary>
    private static readonly string[] NotReported = ["TagResource", "UntagResource"];

    [Fact]
    public async Task Run_EveryMutatingApiAction_ReportedByItsRule()
    {
        var operations = BotocoreOperations();
        Assert.Equal(30, operations.Count);
        var mutating = operations.Where(o => !o.StartsWith("Get", StringComparison.Ordinal) && !o.StartsWith("List", StringComparison.Ordinal)).ToList();
        var records = new JsonArray();
        foreach (var operation in operations)
        {
            records.Add(new JsonObject
            {
                ["eventVersion"] = "1.08", ["eventTime"] = "2026-11-20T10:00:00Z", ["eventSource"] = "rolesanywhere.amazonaws.com",
                ["eventName"] = operation, ["eventID"] = "e-" + operation, ["sourceIPAddress"] = "198.51.100.20", ["awsRegion"] = "eu-west-1",
                ["userIdentity"] = new JsonObject { ["type"] = "IAMUser", ["arn"] = "arn:aws:iam::111122223333:user/admin" },
                ["requestParameters"] = new JsonObject(), ["responseElements"] = null,
            });
        }

        using var workspace = new AuditWorkspace();
        var path = workspace.Write("control-plane.json", new JsonObject { ["Records"] = records }.ToJsonString());

        var result = await Scenario.RunAsync(new AuditOptions { Inputs = [path] });

        // The admin who creates both a trust anchor and a profile is also a trust-anchor-persistence finding (its own tests).
        var reported = result.Findings.Where(f => f.Rule != "trust-anchor-persistence").ToDictionary(f => f.EventName, f => f.Rule);
        foreach (var operation in mutating.Except(NotReported))
        {
            Assert.True(reported.TryGetValue(operation, out var rule), $"{operation} is not reported by any rule");
            Assert.Equal(ExpectedRule(operation), rule);
        }

        Assert.Equal(mutating.Count - NotReported.Length, reported.Count);
        Assert.Single(result.Findings, f => f.Rule == "trust-anchor-persistence");
        Assert.All(NotReported, operation => Assert.Contains(operation, operations));
    }

    /// <summary>The rule the issue names for each kind of resource.</summary>
    private static string ExpectedRule(string operation) =>
        operation.EndsWith("TrustAnchor", StringComparison.Ordinal) || operation.EndsWith("NotificationSettings", StringComparison.Ordinal) ? "trust-anchor-changed"
        : operation.EndsWith("Crl", StringComparison.Ordinal) ? "crl-changed"
        : operation.EndsWith("Profile", StringComparison.Ordinal) || operation.EndsWith("AttributeMapping", StringComparison.Ordinal) ? "profile-changed"
        : "(none: " + operation + ")";

    private static List<string> BotocoreOperations()
    {
        const string Script = "import botocore.session as s; print('\\n'.join(s.get_session().get_service_model('rolesanywhere').operation_names))";
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        string stdout;
        int exitCode;
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            exitCode = process.WaitForExit(60_000) ? process.ExitCode : -1;
            stdout = output.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            exitCode = -1;
            stdout = string.Empty;
        }

        Requirement.That(exitCode == 0, "python3 with botocore is needed to list the Roles Anywhere API (pip install botocore)");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}
