using ArticleGen.Schema;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>A collection's glob (contract §2): <c>*</c> within a segment, <c>**</c> whole segments, <c>?</c> one character; matched in place, without splitting the path.</summary>
public sealed class GlobTests
{
    private static Glob Parse(string pattern) => Glob.TryParse(pattern, out var error) ?? throw new InvalidOperationException(error);

    [Theory]
    [InlineData("content/*.md", "content/a.md", true)]
    [InlineData("content/*.md", "content/sub/a.md", false)]
    [InlineData("content/*.md", "content/.md", true)]
    [InlineData("content/*.md", "content/a.mdx", false)]
    [InlineData("content/**/*.md", "content/a.md", true)]
    [InlineData("content/**/*.md", "content/x/y/z/a.md", true)]
    [InlineData("content/**/*.md", "other/a.md", false)]
    [InlineData("**/*.md", "a.md", true)]
    [InlineData("**/*.md", "a/b.md", true)]
    [InlineData("**", "a/b.md", true)]
    [InlineData("content/**", "content", true)] // zero segments
    [InlineData("content/**", "content/a.md", true)]
    [InlineData("content/?.md", "content/a.md", true)]
    [InlineData("content/?.md", "content/ab.md", false)]
    [InlineData("content/*/index.md", "content/post/index.md", true)]
    [InlineData("content/*/index.md", "content/index.md", false)]
    [InlineData("Content/*.md", "content/a.md", false)]
    [InlineData("content/*.md", "content//a.md", false)]
    [InlineData("content/*.md", "content/a.md/", false)]
    [InlineData("content/**/*.md", "content//a.md", true)]
    [InlineData("a*b*c.md", "abc.md", true)]
    [InlineData("a*b*c.md", "aXbYbZc.md", true)]
    [InlineData("a*b*c.md", "aXbYc.mdd", false)]
    public void Paths_match_as_the_pattern_says(string pattern, string path, bool matches) =>
        Assert.Equal(matches, Parse(pattern).IsMatch(path));

    [Fact]
    public void Globs_are_equal_by_their_pattern()
    {
        Assert.Equal(Parse("content/*.md"), Parse("./content/*.md"));
        Assert.Equal(Parse("content/*.md").GetHashCode(), Parse("content\\*.md").GetHashCode());
        Assert.NotEqual(Parse("content/*.md"), Parse("content/**/*.md"));
    }

    /// <summary>The matcher before it matched in place: the path split into segments. Kept as the reference.</summary>
    private static bool SplitMatch(string[] pattern, string path) => Segments(pattern, 0, path.Split('/'), 0);

    private static bool Segments(string[] pattern, int p, string[] path, int s)
    {
        if (p == pattern.Length)
        {
            return s == path.Length;
        }

        if (pattern[p] == "**")
        {
            for (var skip = s; skip <= path.Length; skip++)
            {
                if (Segments(pattern, p + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return s < path.Length && Segment(pattern[p], 0, path[s], 0) && Segments(pattern, p + 1, path, s + 1);
    }

    private static bool Segment(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var rest = t; rest <= text.Length; rest++)
                {
                    if (Segment(pattern, p + 1, text, rest))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || (pattern[p] != '?' && pattern[p] != text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }

    [Fact]
    public void Generated_patterns_and_paths_match_as_the_split_matcher_did()
    {
        var random = new Random(20261130);
        string[] patternSegments = ["**", "*", "a", "b", "?", "a*", "*b", "*.md", "a?b", "ab"];
        string[] pathSegments = ["", "a", "b", "ab", "ba", "a.md", "ab.md", "aab", "x", "abb"];
        var matched = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var pattern = Enumerable.Range(0, random.Next(1, 5)).Select(_ => patternSegments[random.Next(patternSegments.Length)]).ToArray();
            var path = string.Join("/", Enumerable.Range(0, random.Next(1, 6)).Select(_ => pathSegments[random.Next(pathSegments.Length)]));
            var glob = Parse(string.Join("/", pattern));
            var expected = SplitMatch(pattern, path);
            Assert.True(expected == glob.IsMatch(path), $"'{string.Join("/", pattern)}' on '{path}': expected {expected}");
            matched += expected ? 1 : 0;
        }

        Assert.True(matched > 10_000, $"{matched} of 200,000 generated paths match");
    }
}
