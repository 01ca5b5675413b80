using System.Text;

namespace ArticleGen.Schema;

/// <summary>How front-matter keys are compared: ignoring case, '-' and '_' (<c>published-date-time</c> is <c>PublishedDateTime</c>).</summary>
internal static class KeyName
{
    public static string Normalize(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is '-' or '_')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A property name as a key is usually written: <c>PublishedDateTime</c> → <c>publishedDateTime</c>.</summary>
    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
