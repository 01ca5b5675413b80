using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>YAML as people write it by hand: every form reads back exactly.</summary>
public sealed class YamlFormsTests
{
    private const string Note = """
        using System.Collections.Immutable;

        [ArticleCollection("content/*.md")]
        public sealed partial record Note
        {
            public string? Text { get; init; }
            public string? Other { get; init; }
            public IReadOnlyList<string> Tags { get; init; } = [];
            public IReadOnlyList<Point> Points { get; init; } = [];
            public Point? Origin { get; init; }
            public Point? Copy { get; init; }
            public int? Number { get; init; }
            public IReadOnlyList<IReadOnlyList<int>> Grid { get; init; } = [];
            public IReadOnlyDictionary<string, IReadOnlyList<Point>> Named { get; init; } = new Dictionary<string, IReadOnlyList<Point>>();
            public ImmutableArray<int?> Maybe { get; init; } = [];
            public List<Point?> Holes { get; init; } = [];
        }

        public sealed record Point { public int X { get; init; } public int Y { get; init; } }
        """;

    private static object? Read(string frontMatter, string expression) =>
        new TestProject().WithSource(Note).WithArticle("content/n.md", "---\n" + frontMatter + "\n---\n")
            .Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings().Evaluate(expression);

    [Theory]
    [InlineData("text: |\n  line one\n  line two\n", "line one\nline two\n")]
    [InlineData("text: |-\n  line one\n  line two\n", "line one\nline two")]
    [InlineData("text: |+\n  line one\n\n\nother: x", "line one\n\n\n")]
    [InlineData("text: >\n  folded\n  into one\n\n  paragraph two\n", "folded into one\nparagraph two\n")]
    [InlineData("text: >-\n  folded\n  line\n", "folded line")]
    [InlineData("text: 'it''s single-quoted: # not a comment'", "it's single-quoted: # not a comment")]
    [InlineData("text: \"tab\\there \\u00e9 \\\"quoted\\\"\"", "tab\there é \"quoted\"")]
    [InlineData("text: plain # a comment", "plain")]
    [InlineData("text: \"\"", "")]
    [InlineData("text:    spaced out   ", "spaced out")]
    public void Scalars_in_every_style_read_back_exactly(string frontMatter, string expected) =>
        Assert.Equal(expected, Read(frontMatter, "Note.N.Text"));

    [Theory]
    [InlineData("text: ~")]
    [InlineData("text: null")]
    [InlineData("text: Null")]
    [InlineData("text:")]
    [InlineData("number: ~")]
    [InlineData("# only a comment")]
    public void Null_forms_give_null_for_nullable_properties(string frontMatter) =>
        Assert.Equal(true, Read(frontMatter, "Note.N.Text is null && Note.N.Number is null"));

    [Fact]
    public void Flow_and_block_collections_nest_and_mix()
    {
        var value = Read("""
            tags: [a, 'b c', "d"]
            points:
              - {x: 1, y: 2}
              - x: 3
                y: 4
            grid: [[1, 2], [], [3]]
            named:
              corners: [{x: 0, y: 0}, {x: 9, y: 9}]
              empty: []
            maybe: [1, ~, 3]
            holes: [{x: 5}, ~]
            """, """
            string.Join('|', Note.N.Tags) + ";" +
            string.Join('|', System.Linq.Enumerable.Select(Note.N.Points, p => p.X + "," + p.Y)) + ";" +
            string.Join('|', System.Linq.Enumerable.Select(Note.N.Grid, r => string.Join(",", r))) + ";" +
            Note.N.Named["corners"][1].Y + "," + Note.N.Named["empty"].Count + ";" +
            string.Join('|', Note.N.Maybe) + ";" +
            Note.N.Holes[0]!.X + "," + (Note.N.Holes[1] is null)
            """);
        Assert.Equal("a|b c|d;1,2|3,4;1,2||3;9,0;1||3;5,True", value);
    }

    [Fact]
    public void Anchors_and_aliases_repeat_a_value()
    {
        var value = Read("""
            origin: &home {x: 7, y: 8}
            copy: *home
            text: &word hello
            other: *word
            """, "Note.N.Copy!.X + \",\" + Note.N.Copy.Y + \",\" + Note.N.Other + \",\" + ReferenceEquals(Note.N.Origin, Note.N.Copy)");

        // Each alias is its own object in the catalog: entries are values, not a graph of shared nodes.
        Assert.Equal("7,8,hello,False", value);
    }

    [Fact]
    public void Comments_and_blank_lines_anywhere_change_nothing()
    {
        var value = Read("""
            # leading comment

            tags:   # trailing comment
              - a   # on an item
              # between items
              - b

            text: t # end
            """, "string.Join('|', Note.N.Tags) + ';' + Note.N.Text");
        Assert.Equal("a|b;t", value);
    }

    [Theory]
    [InlineData("text: \"Concurso Ruby 2022 - Los programas\njuzgados por Matz\"\nother: x", "Concurso Ruby 2022 - Los programas juzgados por Matz")]
    [InlineData("text: 'first\nsecond ''quoted''\n\nthird'\nother: x", "first second 'quoted'\nthird")]
    [InlineData("text: \"escaped \\\" quote\nand \\\nmargin\"\nother: \"two\nvalues\"", "escaped \" quote and margin")]
    public void Quoted_values_whose_continuation_lines_start_at_the_margin_read_as_Jekyll_reads_them(string frontMatter, string expected)
    {
        // YAML 1.2 wants those lines indented and YamlDotNet refuses them; libyaml (Jekyll's) reads them, and real sites have them.
        Assert.Equal(expected, Read(frontMatter, "Note.N.Text"));
    }

    [Fact]
    public void A_mistake_after_a_margin_continuation_line_is_reported_at_its_own_place()
    {
        var run = new TestProject().WithSource(Note)
            .WithArticle("content/n.md", "---\ntext: \"one\ntwo\"\nother: 'a\nb'\nnumber: many\n---\n")
            .Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005");
        DiagnosticAssert.At(diagnostic, "ART005", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/n.md", 6, 9);

        var unclosed = new TestProject().WithSource(Note).WithArticle("content/n.md", "---\ntext: \"one\ntwo\nnumber: 1\n---\n").Run();
        DiagnosticAssert.At(DiagnosticAssert.Single(unclosed.ArticleDiagnostics, "ART003"), "ART003", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/n.md", 2, 7);
    }

    [Theory]
    [InlineData("---\n---\n")]
    [InlineData("---\n# only a comment\n\n   # and another\n---\nBody\n")]
    public void Front_matter_that_holds_nothing_or_only_comments_is_an_empty_mapping(string text)
    {
        var run = new TestProject().WithSource(Note).WithArticle("content/n.md", text).Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();
        Assert.Equal(new object?[] { null, 0 }, run.Evaluate("Note.N.Text", "Note.N.Tags.Count"));
    }

    [Fact]
    public void A_quoted_value_continued_at_the_margin_over_thousands_of_lines_reads_whole()
    {
        // Each margin line is indented once in one pass (v2's first version re-counted lines per insertion: quadratic).
        var lines = Enumerable.Range(0, 20_000).Select(i => "w" + i).ToArray();
        Assert.Equal(string.Join(' ', lines), Read("text: \"" + string.Join('\n', lines) + "\"\nother: x", "Note.N.Text"));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_mistake_on_a_margin_continuation_line_is_placed_right_with_any_line_ending(string newline)
    {
        var text = string.Join(newline, "---", "text: \"one", "two\"", "other: 'a", "b'", "number: many", "---", "");
        var run = new TestProject().WithSource(Note).WithArticle("content/n.md", text).Run();
        DiagnosticAssert.At(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005"), "ART005", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/n.md", 6, 9);
    }
}
