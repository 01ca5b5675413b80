using System.Text;

namespace ArticleGen.Schema;

/// <summary>
/// How front-matter keys are compared: ignoring case, '-', '_' and '.' (<c>published-date-time</c> is
/// <c>PublishedDateTime</c>, <c>ms.date</c> is <c>MsDate</c>).
/// </summary>
internal static class KeyName
{
    public static string Normalize(string key) => Normalize(key, ignoreDots: true);

    /// <summary>How enum names compare: ignoring case, '-' and '_' (<c>in-progress</c> is <c>InProgress</c>); a '.' counts.</summary>
    public static string NormalizeEnumName(string name) => Normalize(name, ignoreDots: false);

    /// <summary>Whether two keys are the same key (<c>Normalize(a) == Normalize(b)</c>), without making either string.</summary>
    public static bool SameKey(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] is '-' or '_' or '.')
            {
                i++;
            }

            while (j < b.Length && b[j] is '-' or '_' or '.')
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (a[i] != b[j] && char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static string Normalize(string key, bool ignoreDots)
    {
        if (IsNormal(key))
        {
            return key; // most keys (title, date, tags): nothing to drop or lower, nothing to allocate
        }

        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is '-' or '_' || (ignoreDots && c == '.'))
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static bool IsNormal(string key)
    {
        foreach (var c in key)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The key with every character that is not a letter or digit dropped (<c>og:image</c> → <c>ogimage</c>): a key
    /// that matches a property only this way misses it by punctuation, and <c>[ArticleField("og:image")]</c> binds it.
    /// </summary>
    public static string LettersAndDigits(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>A property name as a key is usually written: <c>PublishedDateTime</c> → <c>publishedDateTime</c>.</summary>
    public static string CamelCase(string name) =>
        name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
