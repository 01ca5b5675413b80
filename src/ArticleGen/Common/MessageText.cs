namespace ArticleGen.Common;

/// <summary>Text from an article as a diagnostic message shows it: on one line, and short even when the value is megabytes.</summary>
internal static class MessageText
{
    public static string Shorten(string text, int max = 80)
    {
        var singleLine = text.Replace("\r", "\\r").Replace("\n", "\\n");
        return singleLine.Length <= max ? singleLine : singleLine.Substring(0, max - 1) + "…";
    }
}
