using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Model;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Entries in source-path order (ordinal): a list of a few sorted runs (a file added at the end) is merged, any other sorted.</summary>
public sealed class PathOrderTests
{
    private static BoundArticle Article(string path) =>
        new("T", path, "", "", "", null, null, new LocationInfo(path, default, default), EquatableArray<DiagnosticInfo>.Empty);

    [Fact]
    public void Lists_of_any_number_of_sorted_runs_come_out_in_ordinal_path_order()
    {
        var random = new Random(11);
        for (var round = 0; round < 2_000; round++)
        {
            // Runs of sorted paths, from one (already in order) to past the number that is merged rather than sorted.
            var runs = random.Next(1, 12);
            var articles = new List<BoundArticle>();
            for (var r = 0; r < runs; r++)
            {
                var run = Enumerable.Range(0, random.Next(1, 30)).Select(_ => "content/" + (char)('a' + random.Next(26)) + random.Next(1000) + ".md").Order(StringComparer.Ordinal);
                articles.AddRange(run.Select(Article));
            }

            var expected = articles.Select(a => a.RelativePath).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, PathOrder.Sorted(articles).Select(a => a.RelativePath).ToList());
        }
    }

    [Fact]
    public void A_list_in_order_is_returned_as_it_is()
    {
        var articles = new List<BoundArticle> { Article("a.md"), Article("b.md"), Article("b.md"), Article("c.md") };
        Assert.Same(articles, PathOrder.Sorted(articles));
    }
}
