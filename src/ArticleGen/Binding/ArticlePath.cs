using System.Globalization;
using ArticleGen.Schema;

namespace ArticleGen.Binding;

/// <summary>What an article's path gives its entry: its id, its slug when it has no <c>slug</c> key, and a date from a Jekyll-style file name.</summary>
internal static class ArticlePath
{
    internal static string IdOf(string relativePath, Glob glob)
    {
        var path = relativePath.StartsWith(glob.BaseDirectory, System.StringComparison.Ordinal)
            ? relativePath.Substring(glob.BaseDirectory.Length)
            : relativePath;
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        return dot > slash + 1 ? path.Substring(0, dot) : path;
    }

    /// <summary>
    /// The slug of an entry without a <c>slug</c> key: its id, so that <c>cpp/thread</c> and <c>standard-library/thread</c>
    /// differ, with a last segment <c>index</c> or <c>_index</c> dropped after a folder (<c>web/api/fetch/index</c> is
    /// <c>web/api/fetch</c>: the page bundles of Hugo and MDN). In a collection of one folder the id is the file name.
    /// </summary>
    internal static string DefaultSlug(string id)
    {
        var slash = id.LastIndexOf('/');
        if (slash > 0)
        {
            var last = id.Substring(slash + 1);
            if (last is "index" or "_index")
            {
                return id.Substring(0, slash);
            }
        }

        return id;
    }

    /// <summary>
    /// The date a Jekyll post's file name starts with (<c>2026-07-16-ruby-3-3-12-released.md</c>), or null when the
    /// name does not start with a calendar date followed by '-'.
    /// </summary>
    internal static System.DateTime? DateInFileName(string relativePath)
    {
        var name = relativePath.Substring(relativePath.LastIndexOf('/') + 1);
        if (name.Length < 11 || name[4] != '-' || name[7] != '-' || name[10] != '-')
        {
            return null;
        }

        for (var i = 0; i < 10; i++)
        {
            if (i is not (4 or 7) && name[i] is < '0' or > '9')
            {
                return null;
            }
        }

        var year = int.Parse(name.Substring(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(name.Substring(5, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(name.Substring(8, 2), CultureInfo.InvariantCulture);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(year, month)
            ? new System.DateTime(year, month, day, 0, 0, 0, System.DateTimeKind.Utc)
            : null;
    }
}
