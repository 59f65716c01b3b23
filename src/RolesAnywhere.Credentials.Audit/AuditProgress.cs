namespace RolesAnywhere.Credentials.Audit;

/// <summary>Where a long run is: documents and records read so far, and the document being read.</summary>
internal readonly record struct AuditProgress(int Documents, long Records, string Current);
