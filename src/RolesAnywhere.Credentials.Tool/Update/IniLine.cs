namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>One line of an INI file as written: its text and the line break that ended it (empty on a last line without one).</summary>
internal readonly record struct IniLine(string Text, string Ending);
