namespace RolesAnywhere.Credentials.Authorization.Policies;

/// <summary>One statement of a trust policy.</summary>
public sealed class PolicyStatement
{
    internal PolicyStatement(
        int index,
        string? sid,
        PolicyEffect effect,
        PrincipalSet principal,
        IReadOnlyList<string> actions,
        bool notAction,
        IReadOnlyList<PolicyCondition> conditions)
    {
        Index = index;
        Sid = sid;
        Effect = effect;
        Principal = principal;
        Actions = actions;
        IsNotAction = notAction;
        Conditions = conditions;
    }

    /// <summary>Gets the position of the statement in the policy (0-based).</summary>
    public int Index { get; }

    /// <summary>Gets the statement's <c>Sid</c>, or <see langword="null"/>.</summary>
    public string? Sid { get; }

    /// <summary>Gets the effect.</summary>
    public PolicyEffect Effect { get; }

    /// <summary>Gets the actions of <c>Action</c> (or of <c>NotAction</c> when <see cref="IsNotAction"/>).</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Gets a value indicating whether the statement uses <c>NotAction</c>.</summary>
    public bool IsNotAction { get; }

    /// <summary>Gets the conditions; all of them must hold for the statement to apply.</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; }

    /// <summary>Gets how the statement is named in messages: its <c>Sid</c>, or <c>Statement[index]</c>.</summary>
    public string Name => Sid is { Length: > 0 } ? $"'{Sid}'" : $"Statement[{Index}]";

    internal PrincipalSet Principal { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Effect})";
}
