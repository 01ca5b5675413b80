using System.Text;
using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ArticleGen.Tests.HostileInput;

/// <summary>Line endings, encodings and degenerate files: each has defined behaviour, and a clear diagnostic where it is an error.</summary>
public sealed class TextFormsTests
{
    private const string Schema = """
        [ArticleCollection("content/*.md")]
        public sealed partial record Post
        {
            public required string Title { get; init; }
            public int Quality { get; init; }
        }
        """;

    private static GeneratorRun RunBytes(byte[] bytes) =>
        new TestProject().WithSource(Schema).WithArticleBytes("content/a.md", bytes).Run().AssertCompilesWithoutWarnings();

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_gives_the_same_values_positions_and_body(string newline)
    {
        var text = string.Join(newline, "---", "title: \"Über\"", "quality: 3", "---", "Body line", "second", "");
        var run = RunBytes(Encoding.UTF8.GetBytes(text)).AssertNoArticleDiagnostics();
        Assert.Equal(new object?[] { "Über", 3, "Body line\nsecond\n" }, run.Evaluate("Post.A.Title", "Post.A.Quality", "Post.A.Body"));

        var broken = RunBytes(Encoding.UTF8.GetBytes(string.Join(newline, "---", "title: T", "quality: high", "---", "")));
        DiagnosticAssert.At(DiagnosticAssert.Single(broken.ArticleDiagnostics, "ART005"), "ART005", DiagnosticSeverity.Error, "content/a.md", 3, 10);
    }

    public static TheoryData<string, byte[]> Encodings => new()
    {
        { "UTF-8 without BOM", Encoding.UTF8.GetBytes(Article) },
        { "UTF-8 with BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Article)] },
        { "UTF-16 LE with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Article)] },
        { "UTF-16 BE with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Article)] },
    };

    private const string Article = "---\ntitle: \"Grüße, 世界 🙂\"\nquality: 3\n---\n";

    [Theory]
    [MemberData(nameof(Encodings))]
    public void UTF8_and_UTF16_with_or_without_a_BOM_read_the_same(string encoding, byte[] bytes)
    {
        var run = RunBytes(bytes).AssertNoArticleDiagnostics();
        Assert.True("Grüße, 世界 🙂" == (string?)run.Evaluate("Post.A.Title"), encoding);
    }

    [Fact]
    public void A_file_that_is_not_valid_UTF8_is_ART003_at_the_first_bad_byte_not_silent_mojibake()
    {
        var bytes = Encoding.Latin1.GetBytes("---\ntitle: Grüße\n---\n");
        var run = RunBytes(bytes);
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART003");
        DiagnosticAssert.At(diagnostic, "ART003", DiagnosticSeverity.Error, "content/a.md", 2, 10);
        Assert.Equal(
            "The front matter is not valid YAML: the front matter is not valid UTF-8: it holds U+FFFD, the character that stands for bytes that could not be read;"
            + " save the file as UTF-8 (a U+FFFD meant as such can be written \"\\uFFFD\" in a double-quoted value)",
            DiagnosticAssert.Message(diagnostic));
        Assert.Equal(0, run.Evaluate("Post.Count"));
    }

    [Fact]
    public void A_body_that_writes_U_FFFD_on_purpose_is_kept_as_written()
    {
        // v1 refused the whole page: only the front matter becomes typed data, so only it is checked for unreadable bytes.
        var body = "The replacement character \uFFFD stands for bytes that could not be decoded.\n";
        var run = RunBytes(Encoding.UTF8.GetBytes("---\ntitle: Unicode\n---\n" + body)).AssertNoArticleDiagnostics();
        Assert.Equal(new object?[] { "Unicode", body }, run.Evaluate("Post.A.Title", "Post.A.Body"));
    }

    [Fact]
    public void A_file_the_compiler_read_in_a_fallback_code_page_is_ART003()
    {
        var run = new TestProject().WithSource(Schema)
            .WithArticleBytes("content/a.md", Encoding.Latin1.GetBytes("---\ntitle: Grüße\n---\n"), fallbackEncoding: Encoding.Latin1)
            .Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART003");
        DiagnosticAssert.At(diagnostic, "ART003", DiagnosticSeverity.Error, "content/a.md", 1, 1);
        Assert.Equal("The front matter is not valid YAML: the file is not valid UTF-8 or UTF-16 (the compiler read it as iso-8859-1); save it as UTF-8", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_tab_used_as_indentation_is_ART003_at_the_tab()
    {
        var run = RunBytes(Encoding.UTF8.GetBytes("---\ntitle: T\nquality:\n\t3\n---\n"));
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART003");
        DiagnosticAssert.At(diagnostic, "ART003", DiagnosticSeverity.Error, "content/a.md", 4, 1);
        Assert.Equal("The front matter is not valid YAML: While scanning a mapping, found invalid tab as indentation.", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void A_tab_inside_a_value_is_text()
    {
        var run = RunBytes(Encoding.UTF8.GetBytes("---\ntitle: a\tb\n---\n")).AssertNoArticleDiagnostics();
        Assert.Equal("a\tb", run.Evaluate("Post.A.Title"));
    }

    [Fact]
    public void An_empty_file_is_ART001()
    {
        var run = RunBytes([]);
        DiagnosticAssert.At(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART001"), "ART001", DiagnosticSeverity.Error, "content/a.md", 1, 1);
    }

    [Fact]
    public void A_file_that_is_only_two_fences_has_every_key_absent()
    {
        var run = RunBytes(Encoding.UTF8.GetBytes("---\n---"));
        DiagnosticAssert.At(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART004"), "ART004", DiagnosticSeverity.Error, "content/a.md", 1, 1);

        var optional = new TestProject()
            .WithSource("[ArticleCollection(\"content/*.md\")] public sealed partial record Note { public string? Title { get; init; } }")
            .WithArticleBytes("content/a.md", Encoding.UTF8.GetBytes("---\n---"))
            .Run()
            .AssertNoArticleDiagnostics();
        Assert.Equal(new object?[] { null, "" }, optional.Evaluate("Note.A.Title", "Note.A.Body"));
    }

    [Fact]
    public void A_file_that_is_only_an_opening_fence_is_ART002()
    {
        var run = RunBytes(Encoding.UTF8.GetBytes("---"));
        DiagnosticAssert.At(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART002"), "ART002", DiagnosticSeverity.Error, "content/a.md", 1, 1);
    }

    [Fact]
    public void Trailing_blanks_after_a_fence_are_allowed_and_other_text_is_not_a_fence()
    {
        var run = RunBytes(Encoding.UTF8.GetBytes("--- \t\ntitle: T\n---  \nbody\n")).AssertNoArticleDiagnostics();
        Assert.Equal("body\n", run.Evaluate("Post.A.Body"));

        var notAFence = RunBytes(Encoding.UTF8.GetBytes("---\ntitle: T\n--- not a fence\n"));
        DiagnosticAssert.Single(notAFence.ArticleDiagnostics, "ART002");
    }

    public static TheoryData<string, byte[]> BodyForms => new()
    {
        { "LF", Encoding.UTF8.GetBytes("---\ntitle: T\n---\nLine one\nLine two\n") },
        { "CRLF", Encoding.UTF8.GetBytes("---\r\ntitle: T\r\n---\r\nLine one\r\n\r\nLine two") },
        { "CR", Encoding.UTF8.GetBytes("---\rtitle: T\r---\rLine one\rLine two\r") },
        { "BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("---\ntitle: Grüße\n---\nÜber 世界 🙂\n")] },
        { "UTF-16 LE", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("---\ntitle: T\n---\nÜber 世界\n")] },
        { "UTF-16 BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("---\ntitle: T\n---\nÜber\r\n")] },
        { "fence with blanks, later fences", Encoding.UTF8.GetBytes("---\ntitle: \"---\"\n--- \t\n---\nafter\n---\n") },
        { "empty body", Encoding.UTF8.GetBytes("---\ntitle: T\n---\n") },
        { "no line break after the fence", Encoding.UTF8.GetBytes("---\ntitle: T\n---") },
        { "U+FFFD in the body", Encoding.UTF8.GetBytes("---\ntitle: T\n---\nThe character \uFFFD.\n") },
    };

    [Theory]
    [MemberData(nameof(BodyForms))]
    public void A_body_read_from_its_embedded_file_is_the_body_compiled_in(string form, byte[] bytes)
    {
        // Real builds embed the articles as manifest resources and read bodies from them: the split must be the build's.
        var compiledIn = RunBytes(bytes).AssertNoArticleDiagnostics();
        var embedded = new TestProject().WithSource(Schema).WithArticleBytes("content/a.md", bytes).WithEmbeddedBodies()
            .WithProperty("ArticleGenStringDataBudget", "0") // u8 literals: the data, resource names included, is readable
            .Run().AssertCompilesWithoutWarnings().AssertNoArticleDiagnostics();
        Assert.True(Equals(compiledIn.Evaluate("Post.A.Body"), embedded.Evaluate("Post.A.Body")), form);
        Assert.True(Equals(compiledIn.Evaluate("Post.A.Title"), embedded.Evaluate("Post.A.Title")), form);

        // Read from the pack indeed (the token '@' after the source path: '=', named by it), except a UTF-16 file: its
        // bytes are not UTF-8, so its body is compiled in.
        var readFromResource = string.Concat(embedded.Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString())).Contains("content/a.md@=", StringComparison.Ordinal);
        Assert.True(readFromResource == !form.StartsWith("UTF-16", StringComparison.Ordinal), form);
    }

    [Fact]
    public void With_embedded_bodies_the_generated_code_does_not_grow_with_the_bodies()
    {
        static string Generated(string body) => string.Concat(new TestProject().WithSource(Schema)
            .WithProperty("ArticleGenStringDataBudget", "0") // u8 literals: data would be readable text
            .WithArticle("content/a.md", "---\ntitle: T\n---\n" + body).WithEmbeddedBodies().Run()
            .AssertNoArticleDiagnostics().Result.Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()));

        var small = Generated("tiny\n");
        var large = Generated(string.Concat(Enumerable.Repeat("A long body line that a compiler would have to read. ", 20_000)));
        Assert.Equal(small.Length, large.Length);
        Assert.DoesNotContain("A long body line", large, StringComparison.Ordinal);
        Assert.Contains("content/a.md@=", large, StringComparison.Ordinal);
    }
}
