namespace RolesAnywhere.Credentials.Audit.Sessions;

/// <summary>One event at one time from one source address.</summary>
internal sealed record Observation(DateTimeOffset Time, string SourceIp, string EventName, string? EventId, string? Input);
