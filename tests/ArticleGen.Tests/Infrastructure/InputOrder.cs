using Xunit;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>
/// Other orders to hand the same input files over in: reversed, and shuffles from fixed seeds so that a failing
/// order is the same on every run and every machine.
/// </summary>
internal static class InputOrder
{
    /// <summary>The orders a test compares against the source-path order, by name.</summary>
    public static TheoryData<string> Names => ["reversed", "seed 1", "seed 2", "seed 3", "seed 20240817"];

    public static List<T> Apply<T>(IReadOnlyList<T> items, string order)
    {
        if (order == "reversed")
        {
            return items.Reverse().ToList();
        }

        var shuffled = items.ToArray();
        new Random(int.Parse(order["seed ".Length..], System.Globalization.CultureInfo.InvariantCulture)).Shuffle(shuffled);
        return [.. shuffled];
    }

    /// <summary>Fails unless both runs generated the same files, in the same order, with the same text, naming the first file that differs and where.</summary>
    public static void AssertSameSources(IReadOnlyList<(string HintName, string Text)> expected, IReadOnlyList<(string HintName, string Text)> actual, string order)
    {
        Assert.Equal(expected.Select(s => s.HintName), actual.Select(s => s.HintName));
        foreach (var (want, got) in expected.Zip(actual))
        {
            if (want.Text != got.Text)
            {
                var at = want.Text.Zip(got.Text).TakeWhile(p => p.First == p.Second).Count();
                var line = want.Text[..at].Count(c => c == '\n') + 1;
                Assert.Fail($"In {order} order, {want.HintName} differs at line {line}:\n  expected: …{Near(want.Text, at)}…\n  {order}: …{Near(got.Text, at)}…");
            }
        }
    }

    /// <summary>The text around a position, on its line: generated data lines are long.</summary>
    private static string Near(string text, int at)
    {
        var start = Math.Max(at - 40, text.LastIndexOf('\n', Math.Max(0, Math.Min(at, text.Length) - 1)) + 1);
        var end = text.IndexOf('\n', Math.Min(at, text.Length));
        return text[start..Math.Min(end < 0 ? text.Length : end, start + 100)];
    }
}
