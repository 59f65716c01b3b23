using System.Text.Json;

namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// Reads a role trust policy (IAM JSON policy grammar, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html)
/// from a bare document or from <c>aws iam get-role</c> output, refusing what IAM would refuse with the JSON path at fault.
/// </summary>
internal static class TrustPolicyParser
{
    private static readonly string[] StatementElements = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Condition", "Resource", "NotResource"];

    public static TrustPolicy Parse(string json)
    {
        using var document = ParseJson(json);
        var root = document.RootElement;
        var path = "$";
        if (root.ValueKind == JsonValueKind.Object && TryGet(root, "Role", out var role) && role.ValueKind == JsonValueKind.Object
            && TryGet(role, "AssumeRolePolicyDocument", out var embedded))
        {
            path = "Role.AssumeRolePolicyDocument";
            if (embedded.ValueKind == JsonValueKind.String)
            {
                // The raw IAM API returns the document URL-encoded.
                return Parse(Uri.UnescapeDataString(embedded.GetString()!));
            }

            root = embedded;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw AuthorizationDocumentException.At(path, "a policy document is a JSON object with Version and Statement.");
        }

        string? version = null;
        JsonElement? statements = null;
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "Version":
                    version = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    if (version is not (PolicyVariables.CurrentVersion or "2008-10-17"))
                    {
                        throw AuthorizationDocumentException.At(Join(path, "Version"), "Version must be \"2012-10-17\" (or the old \"2008-10-17\").");
                    }

                    break;
                case "Statement":
                    statements = property.Value;
                    break;
                case "Id":
                    break;
                default:
                    throw AuthorizationDocumentException.At(Join(path, property.Name), $"'{property.Name}' is not a policy element (Version, Id, Statement).");
            }
        }

        if (statements is not { } list)
        {
            throw AuthorizationDocumentException.At(path, "the policy has no Statement.");
        }

        var parsed = new List<PolicyStatement>();
        if (list.ValueKind == JsonValueKind.Object)
        {
            parsed.Add(ParseStatement(list, 0, Join(path, "Statement")));
        }
        else if (list.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var statement in list.EnumerateArray())
            {
                parsed.Add(ParseStatement(statement, index, $"{Join(path, "Statement")}[{index}]"));
                index++;
            }
        }
        else
        {
            throw AuthorizationDocumentException.At(Join(path, "Statement"), "Statement must be an object or an array of objects.");
        }

        return new TrustPolicy(version, parsed);
    }

    private static JsonDocument ParseJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw AuthorizationDocumentException.Syntax("trust policy", e);
        }
    }

    private static PolicyStatement ParseStatement(JsonElement statement, int index, string path)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw AuthorizationDocumentException.At(path, "each statement must be a JSON object.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in statement.EnumerateObject())
        {
            if (!StatementElements.Contains(property.Name, StringComparer.Ordinal))
            {
                throw AuthorizationDocumentException.At(Join(path, property.Name), $"'{property.Name}' is not a statement element ({string.Join(", ", StatementElements[..7])}; names are case-sensitive).");
            }

            if (!seen.Add(property.Name))
            {
                throw AuthorizationDocumentException.At(Join(path, property.Name), $"'{property.Name}' appears twice in the statement.");
            }
        }

        if (seen.Contains("Resource") || seen.Contains("NotResource"))
        {
            throw AuthorizationDocumentException.At(Join(path, seen.Contains("Resource") ? "Resource" : "NotResource"),
                "a role trust policy has no Resource (IAM refuses it: the role itself is the resource); remove the element.");
        }

        var sid = TryGet(statement, "Sid", out var sidElement) ? sidElement.GetString() : null;
        var effect = TryGet(statement, "Effect", out var effectElement) && effectElement.ValueKind == JsonValueKind.String
            ? effectElement.GetString() switch
            {
                "Allow" => PolicyEffect.Allow,
                "Deny" => PolicyEffect.Deny,
                var other => throw AuthorizationDocumentException.At(Join(path, "Effect"), $"Effect must be \"Allow\" or \"Deny\" (case-sensitive), not \"{other}\"."),
            }
            : throw AuthorizationDocumentException.At(path, "the statement has no Effect (\"Allow\" or \"Deny\").");

        var principal = ParsePrincipal(statement, path);
        var notAction = seen.Contains("NotAction");
        if (notAction == seen.Contains("Action"))
        {
            throw AuthorizationDocumentException.At(path, "a statement needs exactly one of Action and NotAction.");
        }

        var actionName = notAction ? "NotAction" : "Action";
        var actions = StringList(statement.GetProperty(actionName), Join(path, actionName));
        var conditions = TryGet(statement, "Condition", out var condition) ? ParseConditions(condition, Join(path, "Condition")) : [];
        return new PolicyStatement(index, sid, effect, principal, actions, notAction, conditions);
    }

    private static PrincipalSet ParsePrincipal(JsonElement statement, string path)
    {
        var isNot = TryGet(statement, "NotPrincipal", out var element);
        if (!isNot && !TryGet(statement, "Principal", out element))
        {
            throw AuthorizationDocumentException.At(path, "a trust policy statement needs a Principal (for Roles Anywhere: {\"Service\": \"rolesanywhere.amazonaws.com\"}).");
        }

        var name = isNot ? "NotPrincipal" : "Principal";
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() == "*"
                ? new PrincipalSet { Everyone = true, IsNotPrincipal = isNot }
                : throw AuthorizationDocumentException.At(Join(path, name), "a string Principal can only be \"*\"; name a service as {\"Service\": \"rolesanywhere.amazonaws.com\"}.");
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw AuthorizationDocumentException.At(Join(path, name), "Principal must be \"*\" or an object such as {\"Service\": \"rolesanywhere.amazonaws.com\"}.");
        }

        var services = new List<string>();
        var others = new List<string>();
        var everyone = false;
        foreach (var kind in element.EnumerateObject())
        {
            var values = StringList(kind.Value, Join(Join(path, name), kind.Name));
            switch (kind.Name)
            {
                case "Service":
                    services.AddRange(values);
                    break;
                case "AWS":
                    everyone |= values.Contains("*");
                    others.AddRange(values.Where(v => v != "*").Select(v => "AWS:" + v));
                    break;
                case "Federated" or "CanonicalUser":
                    others.AddRange(values.Select(v => kind.Name + ":" + v));
                    break;
                default:
                    throw AuthorizationDocumentException.At(Join(Join(path, name), kind.Name), $"'{kind.Name}' is not a principal type (Service, AWS, Federated, CanonicalUser).");
            }
        }

        return new PrincipalSet { Everyone = everyone, IsNotPrincipal = isNot, Services = services, Others = others };
    }

    private static List<PolicyCondition> ParseConditions(JsonElement block, string path)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            throw AuthorizationDocumentException.At(path, "Condition must be an object: {\"Operator\": {\"key\": \"value\"}}.");
        }

        var conditions = new List<PolicyCondition>();
        var operators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in block.EnumerateObject())
        {
            var opPath = Join(path, op.Name);
            if (!operators.Add(op.Name))
            {
                throw AuthorizationDocumentException.At(opPath, $"the operator '{op.Name}' appears twice in one Condition; JSON keeps only one of them, so merge the keys into one block.");
            }

            if (op.Value.ValueKind != JsonValueKind.Object)
            {
                throw AuthorizationDocumentException.At(opPath, "each operator takes an object of context keys and values.");
            }

            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in op.Value.EnumerateObject())
            {
                if (!keys.Add(key.Name))
                {
                    throw AuthorizationDocumentException.At(Join(opPath, key.Name), $"the key '{key.Name}' appears twice under {op.Name} (keys are case-insensitive); list the values in one array.");
                }

                conditions.Add(new PolicyCondition(op.Name, key.Name, ConditionValues(key.Value, Join(opPath, key.Name))));
            }
        }

        return conditions;
    }

    private static List<string> ConditionValues(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var list = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                list.Add(Scalar(item, path));
            }

            return list.Count > 0 ? list : throw AuthorizationDocumentException.At(path, "an empty list of values matches nothing; give at least one value.");
        }

        return [Scalar(value, path)];
    }

    private static string Scalar(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => throw AuthorizationDocumentException.At(path, "condition values are strings (or true/false/numbers)."),
    };

    private static List<string> StringList(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(v => v.GetString()!).ToList();
        }

        throw AuthorizationDocumentException.At(path, "expected a string or a non-empty array of strings.");
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value) => element.TryGetProperty(name, out value);

    private static string Join(string path, string name) => path == "$" ? name : $"{path}.{name}";
}
