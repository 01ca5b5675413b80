using System.Text.Json;
using System.Text.RegularExpressions;
using ArticleGen.Rendering;
using Markdig;
using Xunit;
using Xunit.Abstractions;

namespace ArticleGen.Tests;

/// <summary>
/// Contract §6's Html, against independent references: Markdig run directly (the library, not ArticleGen's use of it)
/// and the CommonMark specification's own examples (Data/commonmark-spec-examples.json, CC-BY-SA 4.0).
/// </summary>
public sealed class RenderingAgainstMarkdigTests(ITestOutputHelper output)
{
    private sealed record SpecExample(int Example, string Section, string Markdown, string Html);

    private static readonly IReadOnlyList<SpecExample> Examples = JsonSerializer.Deserialize<List<SpecExample>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "commonmark-spec-examples.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    [Theory]
    [InlineData(null, "advanced")]
    [InlineData("common", "common")]
    [InlineData("pipetables+footnotes+emphasisextras", "pipetables+footnotes+emphasisextras")]
    public void Every_spec_example_renders_exactly_as_Markdig_renders_it(string? declared, string markdig)
    {
        Assert.True(Examples.Count >= 600, $"Only {Examples.Count} spec examples were read");
        var dialect = MarkdownDialect.TryCreate(declared, out var error) ?? throw new InvalidOperationException(error);
        var reference = new MarkdownPipelineBuilder().Configure(markdig).UseAutoIdentifiers().Build();
        var differing = Examples
            .Where(e => BodyRenderer.Render(e.Markdown, dialect, default, CancellationToken.None).Html != Markdown.ToHtml(e.Markdown, reference))
            .Select(e => e.Example)
            .ToList();
        Assert.True(differing.Count == 0, "Examples rendered differently from Markdig: " + string.Join(", ", differing));
    }

    [Fact]
    public void The_spec_examples_render_as_the_spec_expects_apart_from_heading_ids_and_where_Markdig_departs_from_it()
    {
        // Headings carry ids (contract §6), which the spec's HTML has not: they are taken out before comparing. Where
        // Markdig 0.31 renders an example otherwise than spec 0.29 expects (tabs in list items and indented code, a
        // few list and HTML-block cases), ArticleGen renders it as Markdig does (the test above): that set is pinned here,
        // so a change of Markdig, or of how ArticleGen drives it, shows.
        var dialect = MarkdownDialect.TryCreate("common", out _)!;
        var differing = new List<int>();
        foreach (var example in Examples)
        {
            var html = Regex.Replace(BodyRenderer.Render(example.Markdown, dialect, default, CancellationToken.None).Html, "<(h[1-6]) id=\"[^\"]*\">", "<$1>");
            if (html != example.Html)
            {
                differing.Add(example.Example);
            }
        }

        output.WriteLine($"{Examples.Count - differing.Count} of {Examples.Count} examples as the spec expects; differing: {string.Join(", ", differing)}");
        Assert.Equal(650, Examples.Count);
        Assert.Equal(MarkdigDepartures, differing);
    }

    /// <summary>The spec 0.29 examples Markdig 0.31.0 renders otherwise (33 of 650).</summary>
    private static readonly int[] MarkdigDepartures =
    [
        4, 5, 31, 78, 79, 144, 224, 226, 228, 229, 232, 233, 234, 240, 241, 247, 256, 257, 258, 260, 270,
        276, 277, 279, 281, 283, 284, 285, 286, 287, 289, 295, 296,
    ];
}
