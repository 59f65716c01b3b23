using RolesAnywhere.Credentials.Audit.Sessions;
using RolesAnywhere.Credentials.Authorization.Certificates;

namespace RolesAnywhere.Credentials.Audit.Rules;

/// <summary>Groups certificate uses by serial, in time order, for the rules that report once per certificate.</summary>
internal static class CertificateUseGroups
{
    public static IEnumerable<Finding> BySerial(
        IReadOnlyList<CertificateUse> uses, Func<CertificateUse, bool> matches, Func<CertificateUse, RelatedEvents, bool, Finding> report)
    {
        var groups = new Dictionary<CertificateSerialNumber, (CertificateUse First, RelatedEvents Events, bool AnySucceeded)>();
        var order = new List<CertificateSerialNumber>();
        foreach (var use in uses)
        {
            if (!matches(use))
            {
                continue;
            }

            if (!groups.TryGetValue(use.Serial, out var group))
            {
                group = (use, new RelatedEvents(), false);
                order.Add(use.Serial);
            }

            group.Events.Add(use.EventId);
            groups[use.Serial] = group with { AnySucceeded = group.AnySucceeded || use.Succeeded };
        }

        foreach (var serial in order)
        {
            var (first, events, anySucceeded) = groups[serial];
            yield return report(first, events, anySucceeded);
        }
    }
}
