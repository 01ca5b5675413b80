using System;
using System.Collections.Generic;

namespace ArticleGen.Schema;

/// <summary>
/// A collection's file pattern, relative to the project directory: <c>*</c> matches within one path segment,
/// <c>**</c> any number of whole segments, <c>?</c> one character. Paths compare ordinally, on every OS alike.
/// </summary>
internal sealed class Glob
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

    public bool IsMatch(string relativePath) => MatchSegments(0, relativePath.Split('/'), 0);

    private bool MatchSegments(int patternIndex, string[] path, int pathIndex)
    {
        if (patternIndex == _segments.Length)
        {
            return pathIndex == path.Length;
        }

        var segment = _segments[patternIndex];
        if (segment == "**")
        {
            // Zero or more whole segments; the last segment (the file name) is never swallowed on its own.
            for (var skip = pathIndex; skip <= path.Length; skip++)
            {
                if (MatchSegments(patternIndex + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return pathIndex < path.Length
            && MatchSegment(segment, 0, path[pathIndex], 0)
            && MatchSegments(patternIndex + 1, path, pathIndex + 1);
    }

    private static bool MatchSegment(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                for (var rest = t; rest <= text.Length; rest++)
                {
                    if (MatchSegment(pattern, p + 1, text, rest))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || (c != '?' && c != text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }

    private static bool HasWildcard(string segment) => segment.IndexOfAny(['*', '?']) >= 0;
}
