using System.Text.RegularExpressions;
using ArticleGen.Diagnostics;
using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// Contract §5: bad metadata is a build error at its exact place. Each test checks the ID, severity, file, line
/// and column, and that the broken entry is left out while the catalog still compiles.
/// </summary>
public sealed class BadMetadataTests
{
    private static GeneratorRun RunNews(string file, string text, bool analyzersOff = false)
    {
        var project = new TestProject()
            .WithSource(Schemas.News)
            .WithSource("public static class Uses { public static int Count => Blog.NewsArticle.All.Count + Blog.NewsArticle.Count; }", "Uses.cs")
            .WithArticle("content/news/good.md", "---\ntitle: Good\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n")
            .WithArticle(file, text);
        if (analyzersOff)
        {
            project.WithProperty("RunAnalyzers", "false");
        }

        var run = project.Run();

        // The ART diagnostics are the only problems: the generated catalog never adds a C# error of its own.
        run.AssertCompilesWithoutWarnings();
        Assert.Equal(1, run.Evaluate("Blog.NewsArticle.Count"));
        return run;
    }

    [Fact]
    public void ART001_a_file_without_front_matter_is_reported_at_line_1()
    {
        var run = RunNews("content/news/bad.md", "# Just a heading\n\ntext\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART001");
        DiagnosticAssert.At(diagnostic, "ART001", DiagnosticSeverity.Error, "content/news/bad.md", 1, 1);
        Assert.Equal("'content/news/bad.md' has no front matter: line 1 must be '---', but it is '# Just a heading'", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART001_an_empty_file_says_it_is_empty()
    {
        var run = RunNews("content/news/bad.md", "");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART001");
        DiagnosticAssert.At(diagnostic, "ART001", DiagnosticSeverity.Error, "content/news/bad.md", 1, 1);
        Assert.Contains("the file is empty", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART002_front_matter_that_is_never_closed_is_reported_at_the_opening_fence()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: Open\npublishedDateTime: 2022-08-08T11:55:00Z\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART002");
        DiagnosticAssert.At(diagnostic, "ART002", DiagnosticSeverity.Error, "content/news/bad.md", 1, 1);
        Assert.Contains("the file ends at line 3", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART003_invalid_YAML_is_reported_where_the_parser_stopped()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: Good\npublishedDateTime: 2022-08-08T11:55:00Z\ntopics: [a, b\nquality: 3\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART003");
        DiagnosticAssert.At(diagnostic, "ART003", DiagnosticSeverity.Error, "content/news/bad.md", 5, 1);
        Assert.StartsWith("The front matter is not valid YAML: ", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART003_a_parser_error_carries_the_parser_message_and_position()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: Good\npublishedDateTime: 2022-08-08T11:55:00Z\nexcerpt: 'never closed\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART003");
        DiagnosticAssert.At(diagnostic, "ART003", DiagnosticSeverity.Error, "content/news/bad.md", 4, 10);
        Assert.Equal("The front matter is not valid YAML: While scanning a quoted scalar, found unexpected end of stream.", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART004_a_missing_required_key_is_reported_at_the_opening_fence()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: No date\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART004");
        DiagnosticAssert.At(diagnostic, "ART004", DiagnosticSeverity.Error, "content/news/bad.md", 1, 1);
        Assert.Equal("Required key 'publishedDateTime' is missing: NewsArticle.PublishedDateTime declares it 'required'", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART004_a_missing_nested_required_key_names_its_path_at_the_nested_mapping()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\nprovider:\n  domain: x.org\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART004");
        DiagnosticAssert.At(diagnostic, "ART004", DiagnosticSeverity.Error, "content/news/bad.md", 5, 3);
        Assert.Equal("Required key 'provider.name' is missing: Provider.Name declares it 'required'", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART005_a_value_that_does_not_convert_is_reported_at_the_value_with_its_nested_path()
    {
        var run = RunNews("content/news/bad.md", """
            ---
            title: T
            publishedDateTime: 2022-08-08T11:55:00Z
            provider:
              name: P
              images:
                - url: /a.png
                  width: wide
            ---
            """);
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005");
        DiagnosticAssert.At(diagnostic, "ART005", DiagnosticSeverity.Error, "content/news/bad.md", 8, 14);
        Assert.Equal("'provider.images[0].width' expects an integer (Int32) but found 'wide'", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART005_a_date_that_is_not_a_date()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: T\npublishedDateTime: yesterday\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005");
        DiagnosticAssert.At(diagnostic, "ART005", DiagnosticSeverity.Error, "content/news/bad.md", 3, 20);
        Assert.Equal(
            "'publishedDateTime' expects a date and time (DateTimeOffset: ISO 8601 or YAML's timestamp, such as 2024-05-09 or 2024-05-09 10:30:00 +0000) but found 'yesterday'"
            + "; a site's own format can be declared with [ArticleField(Format = \"…\")], a .NET custom format string",
            DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART005_null_for_a_non_nullable_property()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: ~\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005");
        DiagnosticAssert.At(diagnostic, "ART005", DiagnosticSeverity.Error, "content/news/bad.md", 2, 8);
        Assert.Equal("'title' expects a string but found null", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART006_an_unknown_key_is_a_warning_at_the_key_and_the_entry_stays()
    {
        var project = new TestProject()
            .WithSource(Schemas.News)
            .WithArticle("content/news/a.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\nprovider:\n  name: P\n  colour: red\n---\n");
        var run = project.Run().AssertCompilesWithoutWarnings();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART006");
        DiagnosticAssert.At(diagnostic, "ART006", DiagnosticSeverity.Warning, "content/news/a.md", 6, 3);
        Assert.Equal(
            "Key 'provider.colour' matches no property of Provider; the keys it accepts are: name, domain, images. To read it, declare a property named after it, or mark one with [ArticleField(\"colour\")]",
            DiagnosticAssert.Message(diagnostic));
        Assert.Equal("P", run.Evaluate("Blog.NewsArticle.A.Provider!.Name"));
    }

    [Fact]
    public void ART007_a_duplicate_key_is_reported_at_the_second_key_even_when_spelt_differently()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\nquality: 1\npublished-date-time: 2022-08-09T00:00:00Z\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART007");
        DiagnosticAssert.At(diagnostic, "ART007", DiagnosticSeverity.Error, "content/news/bad.md", 5, 1);
        Assert.Equal("Key 'published-date-time' appears twice in one mapping: it repeats 'publishedDateTime' at line 3. Keep one: YAML allows a key once in a mapping (Jekyll silently uses the last)", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART007_a_repeated_undeclared_key_or_slug_is_reported_once_at_the_second()
    {
        // Keys no property declares are tracked apart from declared ones: each kind still finds its repeats.
        var run = RunNews("content/news/bad.md", "---\ntitle: T\nsubtitle: a\nslug: s\npublishedDateTime: 2022-08-08T11:55:00Z\nSub_Title: b\nSlug: t\n---\n");
        Assert.Equal(["ART006", "ART007", "ART007"], run.ArticleDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        var repeats = run.ArticleDiagnostics.Where(d => d.Id == "ART007").OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        DiagnosticAssert.At(repeats[0], "ART007", DiagnosticSeverity.Error, "content/news/bad.md", 6, 1);
        DiagnosticAssert.At(repeats[1], "ART007", DiagnosticSeverity.Error, "content/news/bad.md", 7, 1);
        DiagnosticAssert.At(run.ArticleDiagnostics.Single(d => d.Id == "ART006"), "ART006", DiagnosticSeverity.Warning, "content/news/bad.md", 3, 1);
    }

    [Fact]
    public void ART008_two_entries_with_one_slug_report_the_second_file()
    {
        var run = RunNews("content/news/z-copy.md", "---\nslug: good\ntitle: Copy\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART008");
        DiagnosticAssert.At(diagnostic, "ART008", DiagnosticSeverity.Error, "content/news/z-copy.md", 1, 1);
        Assert.Equal("Slug 'good' is already used by 'content/news/good.md' in collection NewsArticle; this entry is left out", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART009_a_value_that_names_no_enum_member_lists_the_allowed_names()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\ncategory: blog\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART009");
        DiagnosticAssert.At(diagnostic, "ART009", DiagnosticSeverity.Error, "content/news/bad.md", 4, 11);
        Assert.Equal("'category' expects one of Category (News, Video, Course) but found 'blog'", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART012_a_glob_that_matches_no_file_is_a_warning_at_the_attribute()
    {
        var run = new TestProject()
            .WithSource("namespace Site;\n\n[ArticleCollection(\"content/posts/*.md\")]\npublic sealed partial record Post { }")
            .WithArticle("content/post/misplaced.md", "---\n---\n")
            .Run()
            .AssertCompilesWithoutWarnings();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART012");
        DiagnosticAssert.At(diagnostic, "ART012", DiagnosticSeverity.Warning, "Collections.cs", 3, 2);
        Assert.Equal("The glob 'content/posts/*.md' of collection Post matches no file among the project's Markdown files", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART013_front_matter_that_is_a_list_is_reported_at_its_first_token()
    {
        var run = RunNews("content/news/bad.md", "---\n- title\n- other\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART013");
        DiagnosticAssert.At(diagnostic, "ART013", DiagnosticSeverity.Error, "content/news/bad.md", 2, 1);
        Assert.Equal("The front matter must be a mapping of keys to values, but it is a list", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART013_front_matter_that_is_a_scalar()
    {
        var run = RunNews("content/news/bad.md", "---\njust text\n---\n");
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART013");
        DiagnosticAssert.At(diagnostic, "ART013", DiagnosticSeverity.Error, "content/news/bad.md", 2, 1);
    }

    [Fact]
    public void ART014_a_file_matched_by_two_collections_is_reported_at_its_opening_fence()
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("content/*.md")] public sealed partial record First { public string? Title { get; init; } }
                [ArticleCollection("content/**/*.md")] public sealed partial record Second { public string? Title { get; init; } }
                """)
            .WithArticle("content/both.md", "---\ntitle: Both\n---\n")
            .Run()
            .AssertCompilesWithoutWarnings();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART014");
        DiagnosticAssert.At(diagnostic, "ART014", DiagnosticSeverity.Error, "content/both.md", 1, 1);
        Assert.Equal("'content/both.md' is matched by collection First ('content/*.md') and by collection Second ('content/**/*.md'); a file may belong to one collection only", DiagnosticAssert.Message(diagnostic));
        Assert.Equal(new object?[] { 0, 0 }, run.Evaluate("First.Count", "Second.Count"));
        Assert.DoesNotContain(run.ArticleDiagnostics, d => d.Id == "ART012"); // both globs do match a file
    }

    [Fact]
    public void Every_error_is_reported_exactly_once_by_the_analyzer_and_the_generator_stays_silent()
    {
        var run = RunNews("content/news/bad.md", "---\ntitle: ~\npublishedDateTime: later\ncategory: blog\n---\n");
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["ART005", "ART005", "ART009"], run.AnalyzerDiagnostics.Select(d => d.Id).Order().ToArray());
    }

    [Theory]
    [InlineData("RunAnalyzers")]
    [InlineData("RunAnalyzersDuringBuild")]
    public void With_analyzers_off_the_generator_reports_the_errors_itself(string property)
    {
        var project = new TestProject()
            .WithSource(Schemas.News)
            .WithArticle("content/news/bad.md", "---\ntitle: ~\npublishedDateTime: later\ncategory: blog\nunknown: 1\n---\n")
            .WithProperty(property, "false");
        var compilation = project.CreateCompilation();
        project.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        // Errors only: a warning such as ART006 needs the analyzer, which is what was switched off.
        Assert.Equal(["ART005", "ART005", "ART009"], diagnostics.Select(d => d.Id).Order().ToArray());
        DiagnosticAssert.At(diagnostics.Single(d => d.Id == "ART009"), "ART009", DiagnosticSeverity.Error, "content/news/bad.md", 4, 11);
    }

    [Fact]
    public void With_RunAnalyzersDuringBuild_false_an_IDE_that_runs_the_analyzer_still_gets_its_warnings()
    {
        // The property switches analyzers off in the command-line build only: an IDE runs them live, and the analyzer
        // reports there (the generator reports the errors, once more: the build's own output has them once).
        var run = new TestProject()
            .WithSource(Schemas.News)
            .WithArticle("content/news/bad.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\nunknown: 1\n---\n")
            .WithProperty("RunAnalyzersDuringBuild", "false")
            .Run();

        DiagnosticAssert.At(Assert.Single(run.AnalyzerDiagnostics, d => d.Id == "ART006"), "ART006", DiagnosticSeverity.Warning, "content/news/bad.md", 4, 1);
    }

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("silent", DiagnosticSeverity.Hidden)]
    public void A_files_articlegen_diagnostic_severity_option_sets_the_severity_of_its_diagnostics(string configured, DiagnosticSeverity expected)
    {
        var run = new TestProject()
            .WithSource(Schemas.News)
            .WithArticle("content/news/a.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\ncolour: red\n---\n")
            .WithArticle("content/news/b.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\ncolour: red\n---\n")
            .WithFileOption("content/news/a.md", "articlegen_diagnostic.ART006.severity", configured)
            .Run();

        var diagnostics = run.ArticleDiagnostics.Where(d => d.Id == "ART006").ToList();
        Assert.Equal(2, diagnostics.Count);
        DiagnosticAssert.At(diagnostics[0], "ART006", expected, "content/news/a.md", 4, 1);
        DiagnosticAssert.At(diagnostics[1], "ART006", DiagnosticSeverity.Warning, "content/news/b.md", 4, 1);
    }

    [Fact]
    public void A_files_severity_option_none_switches_the_diagnostic_off_for_that_file_only()
    {
        var run = new TestProject()
            .WithSource(Schemas.News)
            .WithArticle("content/news/a.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\ncolour: red\n---\n")
            .WithArticle("content/news/b.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\ncolour: red\n---\n")
            .WithFileOption("content/news/a.md", "ARTICLEGEN_DIAGNOSTIC.art006.SEVERITY", "none")
            .Run();

        DiagnosticAssert.At(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART006"), "ART006", DiagnosticSeverity.Warning, "content/news/b.md", 4, 1);
    }

    [Fact]
    public void With_analyzers_off_a_warning_raised_to_error_for_a_folder_is_reported_by_the_generator()
    {
        var project = new TestProject()
            .WithSource(Schemas.News)
            .WithArticle("content/news/a.md", "---\ntitle: T\npublishedDateTime: 2022-08-08T11:55:00Z\ncolour: red\n---\n")
            .WithFileOption("content/news/a.md", "articlegen_diagnostic.ART006.severity", "error")
            .WithProperty("RunAnalyzers", "false");
        project.CreateDriver().RunGeneratorsAndUpdateCompilation(project.CreateCompilation(), out _, out var diagnostics);

        DiagnosticAssert.At(DiagnosticAssert.Single(diagnostics, "ART006"), "ART006", DiagnosticSeverity.Error, "content/news/a.md", 4, 1);
    }

    // Contract v2: messages say how to fix, and one mistake on a large site is said once, beside the exact diagnostics.

    private const string Docs = """
        namespace Docs;

        [ArticleCollection("docs/**/*.md")]
        public sealed partial record Page
        {
            public string? Title { get; init; }
            public DateTimeOffset? MsDate { get; init; }
            public string? OgImage { get; init; }
            public string? Translator { get; init; }
        }
        """;

    [Fact]
    public void ART005_a_date_in_the_sites_own_form_names_the_Format_that_reads_it()
    {
        var run = new TestProject().WithSource(Docs).WithArticle("docs/a.md", "---\nms.date: 05/29/2022\n---\n").Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005");
        DiagnosticAssert.At(diagnostic, "ART005", DiagnosticSeverity.Error, "docs/a.md", 2, 10);
        Assert.Equal(
            "'ms.date' expects a date and time (DateTimeOffset: ISO 8601 or YAML's timestamp, such as 2024-05-09 or 2024-05-09 10:30:00 +0000) but found '05/29/2022'"
            + "; it reads as the format 'M/d/yyyy': declare [ArticleField(Format = \"M/d/yyyy\")] on the property",
            DiagnosticAssert.Message(diagnostic));

        // Day first where the first number cannot be a month.
        var dayFirst = new TestProject().WithSource(Docs).WithArticle("docs/a.md", "---\nms.date: 29/05/2022\n---\n").Run();
        Assert.EndsWith("declare [ArticleField(Format = \"d/M/yyyy\")] on the property", DiagnosticAssert.Message(DiagnosticAssert.Single(dayFirst.ArticleDiagnostics, "ART005")));
    }

    [Theory]
    [InlineData("og:image: /a.png", "Key 'og:image' matches no property of Page; the keys it accepts are: title, msDate, ogImage, translator, slug. It misses OgImage only by punctuation (keys ignore case, '-', '_' and '.'): declare [ArticleField(\"og:image\")] on OgImage")]
    [InlineData("translate: gazay", "Key 'translate' matches no property of Page; the keys it accepts are: title, msDate, ogImage, translator, slug. Did you mean 'translator' (Translator)?")]
    public void ART006_says_how_to_bind_a_key_that_misses_a_property_by_punctuation_or_a_typo(string line, string message)
    {
        var run = new TestProject().WithSource(Docs).WithArticle("docs/a.md", "---\n" + line + "\n---\n").Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART006");
        DiagnosticAssert.At(diagnostic, "ART006", DiagnosticSeverity.Warning, "docs/a.md", 2, 1);
        Assert.Equal(message, DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void ART021_one_key_failing_the_same_way_in_many_files_is_said_once_at_the_property_beside_every_exact_diagnostic()
    {
        var project = new TestProject().WithSource(Docs);
        for (var i = 1; i <= 7; i++)
        {
            project.WithArticle($"docs/guide/p{i}.md", $"---\ntitle: P{i}\nms.date: 05/0{i}/2022\nfoo: {i}\n---\n");
        }

        var run = project.Run();
        Assert.Equal(7, run.ArticleDiagnostics.Count(d => d.Id == "ART005"));
        Assert.Equal(7, run.ArticleDiagnostics.Count(d => d.Id == "ART006"));

        var summaries = run.ArticleDiagnostics.Where(d => d.Id == "ART021").OrderBy(d => d.GetMessage(), StringComparer.Ordinal).ToList();
        Assert.Equal(2, summaries.Count);
        var dates = summaries.Single(d => d.GetMessage().StartsWith("'ms.date'", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, dates.Severity);
        Assert.Equal(
            "'ms.date' fails with ART005 in 7 files of Page; the first, 'docs/guide/p1.md': 'ms.date' expects a date and time (DateTimeOffset: ISO 8601 or YAML's timestamp, such as 2024-05-09 or 2024-05-09 10:30:00 +0000) but found '05/01/2022'"
            + "; it reads as the format 'M/d/yyyy': declare [ArticleField(Format = \"M/d/yyyy\")] on the property",
            DiagnosticAssert.Message(dates));

        // At the property's declaration, where the fix goes; an unknown key has no property, so at the collection.
        var at = dates.Location.GetLineSpan();
        Assert.Equal(("/project/Collections.cs", 7), (at.Path, at.StartLinePosition.Line + 1));
        var unknown = summaries.Single(d => d.GetMessage().StartsWith("'foo'", StringComparison.Ordinal));
        Assert.Equal(("/project/Collections.cs", 3), (unknown.Location.GetLineSpan().Path, unknown.Location.GetLineSpan().StartLinePosition.Line + 1));
        Assert.Contains("'foo' fails with ART006 in 7 files of Page", unknown.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ART021_is_not_reported_for_a_handful_of_files_or_for_diagnostics_switched_off()
    {
        var few = new TestProject().WithSource(Docs);
        for (var i = 1; i <= 5; i++)
        {
            few.WithArticle($"docs/p{i}.md", "---\nms.date: 05/09/2022\n---\n");
        }

        var run = few.Run();
        Assert.Equal(5, run.ArticleDiagnostics.Count(d => d.Id == "ART005"));
        Assert.DoesNotContain(run.ArticleDiagnostics, d => d.Id == "ART021");

        var silenced = new TestProject().WithSource(Docs);
        for (var i = 1; i <= 8; i++)
        {
            silenced.WithArticle($"docs/p{i}.md", "---\nextra: 1\n---\n").WithFileOption($"docs/p{i}.md", "articlegen_diagnostic.ART006.severity", "none");
        }

        var quiet = silenced.Run();
        Assert.Empty(quiet.ArticleDiagnostics);
    }

    [Fact]
    public void Every_diagnostic_has_its_page_under_docs_diagnostics()
    {
        var missing = DiagnosticDescriptors.All
            .Where(d => !File.Exists(Path.Combine(Corpus.RepositoryRoot, "docs", "diagnostics", d.Id + ".md")))
            .Select(d => d.Id)
            .ToArray();
        Assert.True(missing.Length == 0, "No page under docs/diagnostics for " + string.Join(", ", missing));
    }

    [Fact]
    public void Built_without_a_docs_address_no_diagnostic_has_a_help_link_rather_than_a_dead_one()
    {
        // This repository's own build sets neither ArticleGenDocsUrl nor RepositoryUrl; a build that does links every page.
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(HelpLinks.PagesUrl.Length == 0 ? "" : HelpLinks.PagesUrl + d.Id + ".md", d.HelpLinkUri));
        Assert.DoesNotContain(DiagnosticDescriptors.All, d => d.HelpLinkUri.Contains("articlegen/articlegen", StringComparison.Ordinal));
    }

    [Fact]
    public void ART006_a_key_spelt_another_way_than_an_explicit_ArticleField_key_asks_for_the_files_spelling()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"docs/*.md\")] public sealed partial record Page { [ArticleField(\"og:image\")] public string? OgImage { get; init; } }")
            .WithArticle("docs/a.md", "---\nog_image: /a.png\n---\n")
            .Run();
        Assert.EndsWith(
            "It misses OgImage, which reads 'og:image', only by punctuation: write the key 'og:image' as the other files do",
            DiagnosticAssert.Message(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART006")));
    }

    [Fact]
    public void ART021_does_not_count_diagnostics_switched_off_for_the_project()
    {
        var project = new TestProject().WithSource(Docs).WithNoWarn("ART006");
        for (var i = 1; i <= 8; i++)
        {
            project.WithArticle($"docs/p{i}.md", "---\nextra: 1\n---\n");
        }

        Assert.DoesNotContain(project.Run().ArticleDiagnostics, d => d.Id is "ART006" or "ART021");
    }

    [Fact]
    public void ART021_groups_a_single_value_with_the_same_mistake_in_a_written_list()
    {
        var project = new TestProject().WithSource("[ArticleCollection(\"docs/*.md\")] public sealed partial record Page { public IReadOnlyList<int> Sizes { get; init; } = []; }");
        for (var i = 1; i <= 3; i++)
        {
            project.WithArticle($"docs/one{i}.md", "---\nsizes: large\n---\n").WithArticle($"docs/list{i}.md", "---\nsizes: [large]\n---\n");
        }

        var summary = DiagnosticAssert.Single(project.Run().ArticleDiagnostics, "ART021");
        Assert.StartsWith("'sizes[]' fails with ART005 in 6 files of Page", DiagnosticAssert.Message(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void The_analyzer_reports_the_generators_findings_exactly_as_it_would_find_them_itself()
    {
        // The analyzer reads what the generator found (ArticleGen.Findings.g.cs) instead of parsing every article again;
        // without that file it does the work itself. Both ways must report the same, to the letter and the place.
        var project = new TestProject()
            .WithSource(Schemas.News)
            .WithSource("[ArticleCollection(\"content/none/*.md\")] public sealed partial record Empty { }", "Empty.cs")
            .WithArticle("content/news/good.md", "---\ntitle: Good\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n")
            .WithArticle("content/news/yaml.md", "---\ntitle: [unclosed\n---\n")
            .WithArticle("content/news/none.md", "no front matter\n")
            .WithArticle("content/news/twice.md", "---\ntitle: A\ntitle: B\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n")
            .WithArticle("content/news/slug.md", "---\nslug: good\ntitle: S\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n")
            .WithArticle("content/news/hostile.md", "---\ntitle: T\npublishedDateTime: \"#endif %41 \\u2028 \\n 世界\"\n\"#if false\": x\n---\n")
            .WithArticle("content/news/quiet.md", "---\ntitle: Q\npublishedDateTime: 2022-08-08T11:55:00Z\nunknown: 1\n---\n")
            .WithFileOption("content/news/quiet.md", "articlegen_diagnostic.ART006.severity", "error");
        for (var i = 0; i < 6; i++)
        {
            project.WithArticle($"content/news/date{i}.md", $"---\ntitle: D{i}\npublishedDateTime: 05/0{i + 1}/2022\n---\n");
        }

        var run = project.Run();
        Assert.Contains(run.Result.Results.Single().GeneratedSources, s => s.HintName == "ArticleGen.Findings.g.cs");
        var fromFindings = Describe(run.AnalyzerDiagnostics);

        var withoutFindings = project.AnalyzeWithoutFindings(run);
        var byItself = Describe(withoutFindings);

        Assert.Equal(byItself, fromFindings);
        foreach (var id in new[] { "ART001", "ART003", "ART005", "ART006", "ART007", "ART008", "ART012", "ART021" })
        {
            Assert.Contains(fromFindings, d => d.Contains(" " + id + " ", StringComparison.Ordinal));
        }

        Assert.Contains(fromFindings, d => d.Contains("#endif %41 \u2028 \\n 世界", StringComparison.Ordinal));
        Assert.Contains(fromFindings, d => d.StartsWith("/project/content/news/quiet.md(4,1): Error ART006", StringComparison.Ordinal));

        static List<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
            .Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Severity} {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Theory]
    [InlineData("stale: made from another text of the article")]
    [InlineData("made from another set of files")]
    [InlineData("another file of that name")]
    [InlineData("an unknown diagnostic")]
    [InlineData("a line that does not read")]
    public async Task Findings_that_do_not_match_the_articles_are_not_trusted_the_analyzer_does_the_work(string case_)
    {
        // An IDE can show the analyzer a newer text than the generator last ran on; a project can hold a file of the
        // same name (EmitCompilerGeneratedFiles). The findings are trusted only for exactly the texts the analyzer sees.
        var project = new TestProject().WithSource(Schemas.News)
            .WithArticle("content/news/a.md", "---\ntitle: A\n---\n"); // publishedDateTime is missing: ART004
        var run = project.Run();
        Assert.Equal("ART004", DiagnosticAssert.Single(run.AnalyzerDiagnostics, "ART004").Id);

        var findings = run.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/ArticleGen.Findings.g.cs", StringComparison.Ordinal));
        var text = findings.GetText().ToString();
        var replaced = case_ switch
        {
            // The digest of another text of a.md (its checksum changed), as the generator would have written it.
            "stale: made from another text of the article" => Regex.Replace(text.Replace("ART004", "ART006"), @"\nfiles 1 [0-9a-f]{16}\n", "\nfiles 1 " + Findings.DigestOf([FileDigest.Of("/project/content/news/a.md", Microsoft.CodeAnalysis.Text.SourceText.From("---\ntitle: A, edited\n---\n", System.Text.Encoding.UTF8))]) + "\n"),
            "made from another set of files" => text.Replace("ART004", "ART006").Replace("\nfiles 1 ", "\nfiles 2 "),
            "another file of that name" => "// nothing\n",
            "an unknown diagnostic" => text.Replace("\n#endif", "\nART099 /project/content/news/a.md 0 0 0 0 0 0 x\n#endif"),
            _ => text.Replace("\n#endif", "\nART005 /project/content/news/a.md not a number at all x y z\n#endif"),
        };
        var compilation = run.Compilation.ReplaceSyntaxTree(findings, findings.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(replaced)));
        var exceptions = new List<Exception>();
        var diagnostics = await compilation
            .WithAnalyzers([new ArticleMetadataAnalyzer()], new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(project.AdditionalTexts(), project.OptionsProvider()), (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "ART006" or "ART016");
        DiagnosticAssert.At(DiagnosticAssert.Single(diagnostics, "ART004"), "ART004", DiagnosticSeverity.Error, "content/news/a.md", 1, 1);
    }

    [Fact]
    public async Task Findings_made_from_the_same_texts_are_what_the_analyzer_reports()
    {
        // Proof that the analyzer reads the findings, not the articles: a finding added to the file (checksums intact) is reported.
        var project = new TestProject().WithSource(Schemas.News)
            .WithArticle("content/news/a.md", "---\ntitle: A\npublishedDateTime: 2022-08-08T11:55:00Z\n---\n");
        var run = project.Run().AssertNoArticleDiagnostics();
        var findings = run.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/ArticleGen.Findings.g.cs", StringComparison.Ordinal));
        var added = findings.GetText().ToString().Replace("\n#endif", "\nART006 /project/content/news/a.md 4 5 1 0 1 5 planted NewsArticle title%002C%0020publishedDateTime .\n#endif");
        var diagnostics = await run.Compilation.ReplaceSyntaxTree(findings, findings.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(added)))
            .WithAnalyzers([new ArticleMetadataAnalyzer()], new AnalyzerOptions(project.AdditionalTexts(), project.OptionsProvider()))
            .GetAnalyzerDiagnosticsAsync();
        var planted = DiagnosticAssert.Single(diagnostics, "ART006");
        Assert.StartsWith("Key 'planted' matches no property of NewsArticle", DiagnosticAssert.Message(planted), StringComparison.Ordinal);
    }
}
