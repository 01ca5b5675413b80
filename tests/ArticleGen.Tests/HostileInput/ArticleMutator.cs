using System.Text;

namespace ArticleGen.Tests.HostileInput;

/// <summary>
/// Makes broken variants of real articles the way people and scripts break them: truncated, lines duplicated,
/// deleted or swapped, indentation changed, stray YAML tokens, other encodings, flipped bytes. Driven by a seeded
/// <see cref="Random"/>, so a failing variant can be made again from its seed and number.
/// </summary>
internal static class ArticleMutator
{
    private static readonly string[] Tokens =
    [
        "- ", ": ", "[", "]", "{", "}", "&a ", "*a", "*missing", "!!str ", "!!int ", "!custom ", "|", "|-", ">+", "? ", "---\n", "...\n", "#",
        "'", "\"", "%YAML 1.2\n", "\t", "~", "\0", "\u2028", "\u0085", "\r", "\r\n", "\\", "\\u00", "@", "`", ",", "<<: *a\n", "\uFEFF", "\uD800", "🙂",
    ];

    public static byte[] Mutate(byte[] original, Random random)
    {
        var text = Encoding.UTF8.GetString(original);
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
        {
            text = random.Next(7) switch
            {
                0 => text.Substring(0, random.Next(text.Length + 1)),
                1 => EditLines(text, random, (lines, at) => lines.Insert(at, lines[at])),
                2 => EditLines(text, random, (lines, at) => lines.RemoveAt(at)),
                3 => EditLines(text, random, (lines, at) => lines[at] = Reindent(lines[at], random)),
                4 => EditLines(text, random, (lines, at) => (lines[at], lines[lines.Count - 1 - at]) = (lines[lines.Count - 1 - at], lines[at])),
                5 => text.Insert(random.Next(text.Length + 1), Tokens[random.Next(Tokens.Length)]),
                _ => ReplaceValue(text, random),
            };
        }

        return Encode(text, random);
    }

    private static string EditLines(string text, Random random, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0)
        {
            edit(lines, random.Next(lines.Count));
        }

        return string.Join("\n", lines);
    }

    private static string Reindent(string line, Random random) => random.Next(3) switch
    {
        0 => new string(' ', random.Next(1, 5)) + line,
        1 => "\t" + line,
        _ => line.TrimStart(),
    };

    private static string ReplaceValue(string text, Random random)
    {
        var colon = text.IndexOf(": ", random.Next(text.Length + 1), StringComparison.Ordinal);
        if (colon < 0)
        {
            return text;
        }

        var end = text.IndexOf('\n', colon);
        end = end < 0 ? text.Length : end;
        string[] values = ["", "~", "[]", "{}", "-1", "1e999", "99999999999999999999", "true", "no", ".nan", "2022-13-45", "PT", "P1Y2M3DT4H5M6.7S", "'", "\"a", "- x", "{a: [b"];
        return text.Substring(0, colon + 2) + values[random.Next(values.Length)] + text.Substring(end);
    }

    private static byte[] Encode(string text, Random random)
    {
        switch (random.Next(12))
        {
            case 0:
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
            case 1:
                return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
            case 2:
                return Encoding.Latin1.GetBytes(text);
            case 3:
            case 4:
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var flips = random.Next(1, 6); flips > 0 && bytes.Length > 0; flips--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            default:
                return Encoding.UTF8.GetBytes(text);
        }
    }
}
