using System.Text;
using ArticleGen.Parsing;
using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// The generator's per-file steps are keyed by <see cref="MarkdownFile"/>: equal for the same path and content, so a
/// compiler server that reads every file into a new object between builds reuses the last build's work; unequal for
/// anything the reader would see differently, so no edit is ever missed.
/// </summary>
public sealed class MarkdownFileTests
{
    private const string Text = "---\ntitle: Café\n---\nBody\n";

    [Fact]
    public void Two_objects_for_the_same_path_and_content_are_one_file()
    {
        var first = MarkdownFile.Read(new InMemoryAdditionalText("/p/content/a.md", Text), default);
        var second = MarkdownFile.Read(new InMemoryAdditionalText("/p/content/a.md", Text), default);

        Assert.NotSame(first.Text, second.Text);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.Digest, second.Digest);
    }

    [Theory]
    [InlineData("---\ntitle: Cafe\n---\nBody\n")]   // one character, same length
    [InlineData("---\ntitle: Café\n---\nBody \n")]  // one more
    [InlineData("---\ntitle: Café\n---\nBody\n\n")] // a line break more
    [InlineData("")]
    public void Another_content_is_another_file(string other)
    {
        var first = MarkdownFile.Read(new InMemoryAdditionalText("/p/content/a.md", Text), default);
        var second = MarkdownFile.Read(new InMemoryAdditionalText("/p/content/a.md", other), default);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Digest, second.Digest);
    }

    [Theory]
    [InlineData("/p/content/b.md")]
    [InlineData("/p/content/A.md")] // paths compare exactly: two files where the file system tells case apart
    [InlineData("/p/Content/a.md")]
    public void The_same_content_at_another_path_is_another_file(string path)
    {
        Assert.NotEqual(
            MarkdownFile.Read(new InMemoryAdditionalText("/p/content/a.md", Text), default),
            MarkdownFile.Read(new InMemoryAdditionalText(path, Text), default));
    }

    [Fact]
    public void The_same_bytes_decoded_another_way_are_another_file()
    {
        // Bytes that are not UTF-8, read by the compiler in a fallback code page on one build and as UTF-8 with U+FFFD on
        // another: the reader reports the first and reads the second, so they must not be taken for each other. And
        // the same ASCII text under two encodings: only the encoding differs.
        var bytes = new byte[] { (byte)'-', (byte)'-', (byte)'-', (byte)'\n', (byte)'t', (byte)':', (byte)' ', 0xE9, (byte)'\n', (byte)'-', (byte)'-', (byte)'-', (byte)'\n' };
        var latin1 = MarkdownFile.Read(new InMemoryAdditionalText("/p/a.md", bytes, Encoding.Latin1), default);
        var replaced = MarkdownFile.Read(new InMemoryAdditionalText("/p/a.md", bytes), default);
        Assert.NotEqual(latin1, replaced);

        var ascii = "---\ntitle: A\n---\n";
        Assert.NotEqual(
            MarkdownFile.Of("/p/a.md", SourceText.From(ascii, Encoding.UTF8)),
            MarkdownFile.Of("/p/a.md", SourceText.From(ascii, Encoding.Latin1)));
        // A byte-order mark is bytes too: with and without one are two files (the checksum covers it).
        Assert.NotEqual(
            MarkdownFile.Of("/p/a.md", SourceText.From(ascii, Encoding.UTF8)),
            MarkdownFile.Of("/p/a.md", SourceText.From(ascii, new UTF8Encoding(false))));
    }

    [Fact]
    public void The_same_text_under_another_checksum_algorithm_is_another_file()
    {
        // Two checksums of one text by different algorithms say nothing about each other.
        Assert.NotEqual(
            MarkdownFile.Of("/p/a.md", SourceText.From(Text, Encoding.UTF8, SourceHashAlgorithm.Sha1)),
            MarkdownFile.Of("/p/a.md", SourceText.From(Text, Encoding.UTF8, SourceHashAlgorithm.Sha256)));
    }

    [Fact]
    public void An_unreadable_file_equals_an_unreadable_file_and_a_host_that_threw_is_never_taken_as_unchanged()
    {
        Assert.Equal(MarkdownFile.Of("/p/a.md", null), MarkdownFile.Of("/p/a.md", null));
        Assert.NotEqual(MarkdownFile.Of("/p/a.md", null), MarkdownFile.Of("/p/a.md", SourceText.From("")));
        Assert.Null(MarkdownFile.Of("/p/a.md", null).Digest);

        var failing = new ThrowingText("/p/a.md");
        var first = MarkdownFile.Read(failing, default);
        Assert.IsType<IOException>(first.ReadFailure);
        Assert.NotEqual(first, MarkdownFile.Read(failing, default));
        Assert.Throws<OperationCanceledException>(() => MarkdownFile.Read(new ThrowingText("/p/a.md", new OperationCanceledException()), default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_host_that_throws_reading_a_file_gets_ART016_at_the_file_not_a_crash(bool analyzersOn)
    {
        var project = new TestProject().WithSource(Schemas.News)
            .WithArticle("content/news/good.md", "---\ntitle: Good\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n");
        if (!analyzersOn)
        {
            project.WithProperty("RunAnalyzers", "false");
        }

        var texts = project.AdditionalTexts().Add(new ThrowingText("/project/content/news/broken.md"));
        var driver = project.CreateDriver(texts, trackSteps: false).RunGeneratorsAndUpdateCompilation(project.CreateCompilation(), out var compilation, out _);
        var result = driver.GetRunResult();
        Assert.Null(result.Results.Single().Exception);

        // With analyzers on, the analyzer reports (the host's texts are what it reads too); off, the generator does.
        var diagnostics = analyzersOn
            ? await compilation.WithAnalyzers([new ArticleMetadataAnalyzer()], new AnalyzerOptions(texts, project.OptionsProvider())).GetAnalyzerDiagnosticsAsync()
            : result.Diagnostics;
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var failure = Assert.Single(diagnostics, d => d.Id == "ART016");
        Assert.Equal("/project/content/news/broken.md", failure.Location.GetLineSpan().Path);
        Assert.Contains("IOException", failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Good", result.Results.Single().GeneratedSources.Single(s => s.HintName == "Blog.NewsArticle.Store.0.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_that_throws_reading_the_list_of_the_projects_files_gets_ART016_at_the_list_and_the_catalog_still()
    {
        // The list (written by the package's targets) is what image and file links are checked against (ART020): a list
        // that cannot be read must not leave every link silently unchecked.
        var project = new TestProject()
            .WithSource("""
                namespace Site;

                [ArticleCollection("content/posts/*.md")]
                public sealed partial record Post
                {
                    [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";
                }
                """)
            .WithProjectFiles("wwwroot/logo.png")
            .WithArticle("content/posts/hello.md", "---\n---\nHello ![logo](../../wwwroot/logo.png).\n");
        var texts = project.AdditionalTexts();
        var list = Assert.Single(texts, text => text.Path.EndsWith("ArticleGen.files", StringComparison.Ordinal));
        texts = texts.Replace(list, new ThrowingText(list.Path));

        var result = project.CreateDriver(texts, trackSteps: false).RunGenerators(project.CreateCompilation()).GetRunResult();

        Assert.Null(result.Results.Single().Exception);
        var failure = Assert.Single(result.Diagnostics, d => d.Id == "ART016");
        Assert.Equal(list.Path, failure.Location.GetLineSpan().Path);
        Assert.Contains("IOException", failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "Site.Post.Store.0.g.cs");
    }

    private sealed class ThrowingText(string path, Exception? exception = null) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => throw (exception ?? new IOException("the disk is gone"));
    }
}
