namespace RolesAnywhere.Credentials.Audit.Reading;

/// <summary>Receives one element of a log file's record array, valid only during the call.</summary>
/// <param name="json">The element's JSON (a complete value).</param>
/// <param name="wrapped"><see langword="true"/> for an <c>Events</c> element of <c>aws cloudtrail lookup-events</c>, whose <c>CloudTrailEvent</c> string holds the record.</param>
internal delegate void RecordHandler(ReadOnlySpan<byte> json, bool wrapped);
