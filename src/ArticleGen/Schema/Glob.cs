using System;
using System.Collections.Generic;

namespace ArticleGen.Schema;

/// <summary>
/// A collection's file pattern, relative to the project directory: <c>*</c> matches within one path segment,
/// <c>**</c> any number of whole segments, <c>?</c> one character. Paths compare ordinally, on every OS alike.
/// Equal by its pattern, since everything else follows from it: a model may hold one.
/// </summary>
internal sealed class Glob : IEquatable<Glob>
{
    private readonly string[] _segments;

    private Glob(string pattern, string[] segments, string baseDirectory)
    {
        Pattern = pattern;
        _segments = segments;
        BaseDirectory = baseDirectory;
    }

    public string Pattern { get; }

    /// <summary>The directories before the first segment holding a wildcard, '/'-terminated, or "" (entry IDs are relative to it).</summary>
    public string BaseDirectory { get; }

    /// <summary>Reads a pattern, or says why it cannot be one.</summary>
    public static Glob? TryParse(string? pattern, out string? error)
    {
        error = null;
        if (pattern is null || pattern.Trim().Length == 0)
        {
            error = "the glob is empty";
            return null;
        }

        var normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(2);
        }

        if (normalized.StartsWith("/", StringComparison.Ordinal) || (normalized.Length > 1 && normalized[1] == ':'))
        {
            error = "the glob must be relative to the project directory";
            return null;
        }

        var segments = normalized.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                error = "the glob has an empty path segment ('//' or a trailing '/')";
                return null;
            }

            if (segment.Contains("**") && segment != "**")
            {
                error = "'**' must be a whole path segment";
                return null;
            }
        }

        var baseSegments = new List<string>();
        for (var i = 0; i < segments.Length - 1 && !HasWildcard(segments[i]); i++)
        {
            baseSegments.Add(segments[i]);
        }

        var baseDirectory = baseSegments.Count == 0 ? "" : string.Join("/", baseSegments) + "/";
        return new Glob(normalized, segments, baseDirectory);
    }

    /// <summary>Whether the pattern matches the path ('/'-separated), segment by segment, in place (every article of every collection is matched).</summary>
    public bool IsMatch(string relativePath) => MatchFrom(0, relativePath, 0);

    /// <summary>Matches the pattern from <paramref name="patternIndex"/> against the path's segments from the one starting at <paramref name="start"/> (past the end when none is left).</summary>
    private bool MatchFrom(int patternIndex, string path, int start)
    {
        var noSegmentLeft = start > path.Length;
        if (patternIndex == _segments.Length)
        {
            return noSegmentLeft;
        }

        var segment = _segments[patternIndex];
        if (segment == "**")
        {
            // Zero or more whole segments; the last segment (the file name) is never swallowed on its own.
            for (var skip = start; ; skip = NextSegment(path, skip))
            {
                if (MatchFrom(patternIndex + 1, path, skip))
                {
                    return true;
                }

                if (skip > path.Length)
                {
                    return false;
                }
            }
        }

        if (noSegmentLeft)
        {
            return false;
        }

        var end = path.IndexOf('/', start);
        end = end < 0 ? path.Length : end;
        return MatchSegment(segment, 0, path, start, end) && MatchFrom(patternIndex + 1, path, end + 1);
    }

    /// <summary>Where the segment after the one starting at <paramref name="start"/> starts (past the end after the last).</summary>
    private static int NextSegment(string path, int start)
    {
        var slash = path.IndexOf('/', start);
        return slash < 0 ? path.Length + 1 : slash + 1;
    }

    /// <summary>Matches a pattern segment from <paramref name="p"/> against <paramref name="text"/> from <paramref name="t"/> to <paramref name="end"/>.</summary>
    private static bool MatchSegment(string pattern, int p, string text, int t, int end)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                for (var rest = t; rest <= end; rest++)
                {
                    if (MatchSegment(pattern, p + 1, text, rest, end))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= end || (c != '?' && c != text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == end;
    }

    public bool Equals(Glob? other) => other is not null && string.Equals(Pattern, other.Pattern, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Glob);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Pattern);

    private static bool HasWildcard(string segment) => segment.IndexOfAny(['*', '?']) >= 0;
}
