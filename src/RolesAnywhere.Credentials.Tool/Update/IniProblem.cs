namespace RolesAnywhere.Credentials.Tool.Update;

/// <summary>Something in the file that makes botocore and the AWS CLI refuse the whole file.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Message">What is wrong and how to fix it; never the line's content.</param>
/// <param name="Duplicate">For a key given twice in one section, the second occurrence.</param>
internal sealed record IniProblem(int Line, string Message, IniOption? Duplicate = null);
