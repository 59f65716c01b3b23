using System.Globalization;

namespace RolesAnywhere.Credentials.Audit.Settings;

/// <summary>
/// Working hours in a time zone (<c>09:00-17:30</c>; a range past midnight such as <c>22:00-06:00</c> is a night
/// shift). Times are converted with <see cref="TimeZoneInfo"/>, so daylight saving time is applied per event.
/// </summary>
internal sealed class BusinessHours
{
    private BusinessHours(TimeOnly start, TimeOnly end, TimeZoneInfo zone, string text)
    {
        Start = start;
        End = end;
        Zone = zone;
        Text = text;
    }

    public TimeOnly Start { get; }

    public TimeOnly End { get; }

    public TimeZoneInfo Zone { get; }

    public string Text { get; }

    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    public bool Contains(DateTimeOffset time)
    {
        var local = TimeOnly.FromDateTime(ToLocal(time).DateTime);
        return Start <= End ? local >= Start && local < End : local >= Start || local < End;
    }

    /// <exception cref="AuditInputException">The range or the zone is not valid.</exception>
    public static BusinessHours Parse(string range, string timeZone)
    {
        var parts = range.Split('-');
        if (parts.Length != 2 ||
            !TimeOnly.TryParseExact(parts[0].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ||
            !TimeOnly.TryParseExact(parts[1].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end) ||
            start == end)
        {
            throw new AuditInputException($"--business-hours '{range}' is not a range of two different 24-hour times; write for example 08:00-18:30.");
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new AuditInputException($"--time-zone '{timeZone}' is not a time zone this machine knows; use an IANA name such as Europe/Berlin, America/New_York or UTC.", e);
        }

        return new BusinessHours(start, end, zone, $"{range} {zone.Id}");
    }
}
