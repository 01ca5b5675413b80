using System;
using System.Collections.Generic;
using ArticleGen.Binding;

namespace ArticleGen.Model;

/// <summary>Articles in source-path order (ordinal), the order of a collection's entries; it is sorted after every edit.</summary>
internal static class PathOrder
{
    /// <summary>Most runs a list may fall into for <see cref="Sorted"/> to merge them rather than sort it all.</summary>
    private const int MaxRunsToMerge = 8;

    /// <summary>
    /// The articles in source-path order. A project usually hands them over in that order already, and after an IDE
    /// adds a file, in that order with the new file at the end: a list of a few sorted runs is merged (linear),
    /// anything else sorted.
    /// </summary>
    public static List<BoundArticle> Sorted(List<BoundArticle> articles)
    {
        List<int>? runStarts = null;
        for (var i = 1; i < articles.Count; i++)
        {
            if (string.CompareOrdinal(articles[i - 1].RelativePath, articles[i].RelativePath) > 0)
            {
                (runStarts ??= [0]).Add(i);
                if (runStarts.Count > MaxRunsToMerge)
                {
                    return SortedWhole(articles);
                }
            }
        }

        return runStarts is null ? articles : MergeRuns(articles, runStarts);
    }

    /// <summary>Merges sorted runs pairwise, left to right (stable: of two equal paths the earlier comes first).</summary>
    private static List<BoundArticle> MergeRuns(List<BoundArticle> articles, List<int> runStarts)
    {
        var runs = new List<List<BoundArticle>>(runStarts.Count);
        for (var r = 0; r < runStarts.Count; r++)
        {
            var end = r + 1 < runStarts.Count ? runStarts[r + 1] : articles.Count;
            runs.Add(articles.GetRange(runStarts[r], end - runStarts[r]));
        }

        var merged = runs[0];
        for (var r = 1; r < runs.Count; r++)
        {
            merged = Merge(merged, runs[r]);
        }

        return merged;
    }

    private static List<BoundArticle> Merge(List<BoundArticle> left, List<BoundArticle> right)
    {
        var merged = new List<BoundArticle>(left.Count + right.Count);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            merged.Add(string.CompareOrdinal(right[j].RelativePath, left[i].RelativePath) < 0 ? right[j++] : left[i++]);
        }

        for (; i < left.Count; i++)
        {
            merged.Add(left[i]);
        }

        for (; j < right.Count; j++)
        {
            merged.Add(right[j]);
        }

        return merged;
    }

    private static List<BoundArticle> SortedWhole(List<BoundArticle> articles)
    {
        // Array.Sort with the paths as keys, compared past the folder they all share ("content/news/"): about
        // three times as fast as OrderBy, and this runs after every edit.
        var paths = new string[articles.Count];
        var sorted = articles.ToArray();
        var shared = articles[0].RelativePath.Length;
        for (var at = 0; at < sorted.Length; at++)
        {
            paths[at] = sorted[at].RelativePath;
            shared = Math.Min(shared, SharedPrefixLength(paths[0], paths[at]));
        }

        Array.Sort(paths, sorted, new OrdinalFrom(shared));
        return [.. sorted];
    }

    private static int SharedPrefixLength(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return length;
    }

    /// <summary>Ordinal order of strings that share their first <c>skip</c> characters, comparing the rest only.</summary>
    private sealed class OrdinalFrom(int skip) : IComparer<string>
    {
        public int Compare(string? x, string? y) =>
            string.CompareOrdinal(x, skip, y, skip, int.MaxValue);
    }
}
