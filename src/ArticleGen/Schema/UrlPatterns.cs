namespace ArticleGen.Schema;

/// <summary>A collection's <c>Url</c> (<c>/blog/{slug}</c>): each entry's address, and the prefix site-absolute links are checked under.</summary>
internal static class UrlPatterns
{
    /// <summary>What is wrong with <paramref name="pattern"/>, or null when it is usable.</summary>
    public static string? Check(string pattern)
    {
        var hasPlaceholder = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '}')
            {
                return "a '}' closes no placeholder";
            }

            if (pattern[i] != '{')
            {
                continue;
            }

            var close = pattern.IndexOf('}', i);
            var name = close < 0 ? null : pattern.Substring(i + 1, close - i - 1);
            if (name is not ("slug" or "id"))
            {
                return close < 0 ? "a '{' is never closed" : "'{" + name + "}' is not a placeholder; use {slug} or {id}";
            }

            hasPlaceholder = true;
            i = close;
        }

        return hasPlaceholder ? null : "it names no placeholder, so every entry would have the same address; use {slug} or {id}";
    }

    /// <summary>
    /// The entry's address: the pattern with its slug and id put in, '%', '#', '?' and spaces escaped (a slug such as
    /// <c>c#-tips</c> would otherwise end the path at '#'); other characters, '/' and non-ASCII letters among them, as they are.
    /// </summary>
    public static string Apply(string pattern, string slug, string id) =>
        pattern.Replace("{slug}", Escape(slug)).Replace("{id}", Escape(id));

    private static string Escape(string value) =>
        value.IndexOfAny(['%', '#', '?', ' ']) < 0
            ? value
            : value.Replace("%", "%25").Replace("#", "%23").Replace("?", "%3F").Replace(" ", "%20");

    /// <summary>What every address of the collection starts with: the pattern before its first placeholder.</summary>
    public static string PrefixOf(string pattern)
    {
        var brace = pattern.IndexOf('{');
        return brace < 0 ? pattern : pattern.Substring(0, brace);
    }
}
