using RolesAnywhere.Credentials.Authorization.Identity;

namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>
/// The request context of the <c>AssumeRole</c> the service makes for a CreateSession: the keys this model knows the value
/// (or the absence) of. Every other key is unknown, so a condition on it is reported as unsupported.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><c>aws:SourceArn</c>, <c>aws:SourceAccount</c></term><description>the trust anchor ARN and its account (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html, "Role trusts"; https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html)</description></item>
/// <item><term><c>aws:PrincipalTag/…</c></term><description>the principal tags of the attribute mapping (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/attribute-mapping-and-trust-policy.html)</description></item>
/// <item><term><c>aws:RequestTag/…</c>, <c>aws:TagKeys</c></term><description>the same tags as passed with <c>sts:TagSession</c> (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html)</description></item>
/// <item><term><c>sts:SourceIdentity</c></term><description>the source identity set while assuming the role (https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html)</description></item>
/// <item><term><c>sts:RoleSessionName</c></term><description>the role session name (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_rolesessionname)</description></item>
/// </list>
/// Context key names are case-insensitive (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
/// The service-specific and request-tag keys are known only for the actions the Service Authorization Reference lists them
/// for (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html): sts:AssumeRole
/// has aws:RequestTag/…, aws:TagKeys, sts:RoleSessionName and sts:SourceIdentity; sts:TagSession aws:RequestTag/… and
/// aws:TagKeys; sts:SetSourceIdentity sts:SourceIdentity. Whether IAM puts such a key in the context of another of the three
/// actions is not documented, so a condition on it there is answered "cannot tell". The global keys (aws:SourceArn,
/// aws:SourceAccount, aws:PrincipalTag/…) are known for all three.
/// </remarks>
internal sealed class RequestContext
{
    public const string SourceArn = "aws:SourceArn";
    public const string SourceAccount = "aws:SourceAccount";
    public const string PrincipalTagPrefix = "aws:PrincipalTag/";
    public const string RequestTagPrefix = "aws:RequestTag/";
    public const string TagKeys = "aws:TagKeys";
    public const string SourceIdentity = "sts:SourceIdentity";
    public const string RoleSessionName = "sts:RoleSessionName";

    private readonly SessionIdentity _identity;
    private readonly string _trustAnchorArn;
    private readonly string _action;

    public RequestContext(SessionIdentity identity, string trustAnchorArn, string action)
    {
        _identity = identity;
        _trustAnchorArn = trustAnchorArn;
        _action = action;
    }

    /// <summary>Whether the model knows the value or absence of <paramref name="key"/> in any request.</summary>
    public static bool IsKnownKey(string key) =>
        Is(key, SourceArn) || Is(key, SourceAccount) || Is(key, TagKeys) || Is(key, SourceIdentity) || Is(key, RoleSessionName)
        || key.StartsWith(PrincipalTagPrefix, StringComparison.OrdinalIgnoreCase) || key.StartsWith(RequestTagPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tag key of an <c>aws:PrincipalTag/…</c> or <c>aws:RequestTag/…</c> key, or <see langword="null"/>.</summary>
    public static string? TagKeyOf(string key) =>
        key.StartsWith(PrincipalTagPrefix, StringComparison.OrdinalIgnoreCase) ? key[PrincipalTagPrefix.Length..]
        : key.StartsWith(RequestTagPrefix, StringComparison.OrdinalIgnoreCase) ? key[RequestTagPrefix.Length..]
        : null;

    public ContextValue Get(string key)
    {
        if (!ListedFor(key, _action))
        {
            return ContextValue.Unknown;
        }

        if (Is(key, SourceArn))
        {
            return ContextValue.Single(_trustAnchorArn);
        }

        if (Is(key, SourceAccount))
        {
            return ArnMatcher.Split(_trustAnchorArn) is { } parts ? ContextValue.Single(parts[4]) : ContextValue.Absent;
        }

        if (Is(key, SourceIdentity))
        {
            if (_identity.Unresolved.SourceIdentity)
            {
                return ContextValue.Unknown;
            }

            return _identity.SourceIdentity is { } source ? ContextValue.Single(source) : ContextValue.Absent;
        }

        if (Is(key, RoleSessionName))
        {
            if (_identity.Unresolved.RoleSessionName)
            {
                return ContextValue.Unknown;
            }

            return ContextValue.Single(_identity.RoleSessionName);
        }

        if (Is(key, TagKeys))
        {
            if (_identity.Unresolved.TagSet)
            {
                return ContextValue.Unknown;
            }

            return ContextValue.Many(_identity.PrincipalTags.Select(t => t.Key).ToArray());
        }

        if (TagKeyOf(key) is { } tagKey)
        {
            if (_identity.Unresolved.IsOpen(tagKey))
            {
                return ContextValue.Unknown;
            }

            return _identity.TryGetTag(tagKey, out var value) ? ContextValue.Single(value) : ContextValue.Absent;
        }

        return ContextValue.Unknown;
    }

    /// <summary>Whether the Service Authorization Reference lists <paramref name="key"/> for <paramref name="action"/> (global keys: always).</summary>
    public static bool ListedFor(string key, string action)
    {
        var requestTag = Is(key, TagKeys) || key.StartsWith(RequestTagPrefix, StringComparison.OrdinalIgnoreCase);
        if (requestTag)
        {
            return Is(action, RolesAnywhereTrust.AssumeRole) || Is(action, RolesAnywhereTrust.TagSession);
        }

        if (Is(key, RoleSessionName))
        {
            return Is(action, RolesAnywhereTrust.AssumeRole);
        }

        if (Is(key, SourceIdentity))
        {
            return Is(action, RolesAnywhereTrust.AssumeRole) || Is(action, RolesAnywhereTrust.SetSourceIdentity);
        }

        return true;
    }

    private static bool Is(string key, string known) => string.Equals(key, known, StringComparison.OrdinalIgnoreCase);
}
