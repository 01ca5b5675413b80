using Microsoft.CodeAnalysis.Diagnostics;
using ArticleGen.Tests.Infrastructure;
using Markdig;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Contract §6: bodies rendered at build time (HTML, excerpt, headings, words, reading time) and every link checked.</summary>
public sealed class RenderedBodiesTests
{
    private const string Blog = """
        namespace Blog;

        [ArticleCollection("content/posts/*.md", Url = "/blog/{slug}")]
        public sealed partial record Post
        {
            public required string Title { get; init; }
            [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";
            [ArticleBody(ArticleBodyPart.Excerpt)] public string Summary { get; init; } = "";
            [ArticleBody(ArticleBodyPart.Headings)] public IReadOnlyList<ArticleHeading> Toc { get; init; } = [];
            [ArticleBody(ArticleBodyPart.WordCount)] public int Words { get; init; }
            [ArticleBody(ArticleBodyPart.ReadingTime)] public TimeSpan ReadingTime { get; init; }
        }
        """;

    [Fact]
    public void A_post_renders_to_the_HTML_Markdig_gives_with_headings_excerpt_words_and_reading_time()
    {
        const string body = """
            # Welcome to *ArticleGen*

            First paragraph with `code` and a [link](https://example.com).

            ## Über Straße

            | a | b |
            |---|---|
            | 1 | 2 |

            ```csharp
            var x = 1;
            ```
            """;
        var run = new TestProject()
            .WithSource(Blog)
            .WithArticle("content/posts/hello.md", "---\ntitle: Hello\n---\n" + body)
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "Blog.Post.Hello.Html",
            "Blog.Post.Hello.Summary",
            "string.Join('|', System.Linq.Enumerable.Select(Blog.Post.Hello.Toc, h => h.Level.ToString() + ':' + h.Text + ':' + h.Id))",
            "Blog.Post.Hello.Words",
            "Blog.Post.Hello.ReadingTime",
            "Blog.Post.Hello.Url");

        var markdig = Markdown.ToHtml(body, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Equal(markdig, values[0]);
        Assert.Equal("<p>First paragraph with <code>code</code> and a <a href=\"https://example.com\">link</a>.</p>", values[1]);
        Assert.Equal("1:Welcome to ArticleGen:welcome-to-articlegen|2:Über Straße:uber-strae", values[2]);
        Assert.Equal(3 + 7 + 2 + 4 + 3, values[3]); // heading, paragraph (not the URL), heading, table cells, code ("=" is no word)
        Assert.Equal(TimeSpan.FromMinutes(1), values[4]);
        Assert.Equal("/blog/hello", values[5]);
    }

    private const string Site = """
        namespace Site;

        [ArticleCollection("content/posts/*.md", Url = "/blog/{slug}")]
        public sealed partial record Post
        {
            [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";
            [ArticleBody(ArticleBodyPart.Excerpt)] public string Summary { get; init; } = "";
        }

        [ArticleCollection("content/guide/**/*.md", Url = "/guide/{id}")]
        public sealed partial record GuidePage
        {
            [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";
        }

        [ArticleCollection("content/notes/*.md")]
        public sealed partial record Note
        {
        }
        """;

    private static TestProject SiteProject() => new TestProject()
        .WithSource(Site)
        .WithProjectFiles("content/posts/img/shot.png", "content/files/talk.pdf", "wwwroot/css/site.css")
        .WithArticle("content/guide/setup.md", "---\n---\n# Setup\n\n## Install\n\nText.\n")
        .WithArticle("content/guide/deep/more.md", "---\n---\nSee [setup](../setup.md#install).\n")
        .WithArticle("content/notes/plain.md", "---\n---\nA [broken](nowhere.md) link in a collection that renders nothing.\n");

    [Fact]
    public void Links_to_articles_render_as_their_entries_Url_with_the_fragment_in_the_HTML_and_the_excerpt()
    {
        var run = SiteProject()
            .WithArticle("content/posts/hello.md", """
                ---
                slug: hello-world
                ---
                Read the [setup guide](../guide/setup.md#install), the [next page](../guide/deep/more.md),
                a [note](../notes/plain.md), ![a shot](img/shot.png) and [the talk](../files/talk.pdf).

                [Elsewhere](https://example.com/a.md) and [ref][guide] and [self](#top) and [this post](hello.md).

                [guide]: ../guide/setup.md
                """)
            .Run()
            .AssertCompilesWithoutWarnings();

        // '#top' names no heading of this article: the only diagnostic.
        DiagnosticAssert.At(Assert.Single(run.ArticleDiagnostics), "ART019", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, "content/posts/hello.md", 7, 60);
        var values = run.Evaluate("Site.Post.HelloWorld.Html", "Site.Post.HelloWorld.Summary", "Site.GuidePage.DeepMore.Html", "Site.Post.HelloWorld.Url", "Site.GuidePage.DeepMore.Url");
        var html = (string)values[0]!;
        Assert.Contains("<a href=\"/guide/setup#install\">setup guide</a>", html);
        Assert.Contains("<a href=\"/guide/deep/more\">next page</a>", html);
        Assert.Contains("<a href=\"../notes/plain.md\">note</a>", html); // Note has no Url: the link stays as written
        Assert.Contains("<img src=\"img/shot.png\" alt=\"a shot\" />", html);
        Assert.Contains("<a href=\"https://example.com/a.md\">Elsewhere</a>", html);
        Assert.Contains("<a href=\"/guide/setup\">ref</a>", html);
        Assert.Contains("<a href=\"/blog/hello-world\">this post</a>", html);
        Assert.StartsWith("<p>Read the <a href=\"/guide/setup#install\">setup guide</a>", (string)values[1]!);
        Assert.EndsWith("</p>", (string)values[1]!);
        Assert.Equal("<p>See <a href=\"/guide/setup#install\">setup</a>.</p>\n", values[2]);
        Assert.Equal("/blog/hello-world", values[3]);
        Assert.Equal("/guide/deep/more", values[4]);
    }

    [Fact]
    public void A_broken_link_is_an_error_at_its_bracket_and_a_missing_image_at_its_exclamation_mark()
    {
        var run = SiteProject()
            .WithArticle("content/posts/broken.md", """
                ---
                slug: broken
                ---
                # Top

                A [missing page](../guide/setp.md) and
                an ![image](img/shoot.png), a [file](../files/talk.ppt),
                a [post](/blog/no-such-post), a [page](/guide/setup#nothing) and [an anchor](#topp).

                Fine: [post](/blog/broken), [guide](/guide/setup#install), [css](/css/site.css), [folder](img/), [mail](mailto:a@b.c).
                """)
            .Run();

        var diagnostics = run.ArticleDiagnostics;
        Assert.Equal(["ART018", "ART020", "ART020", "ART018", "ART019", "ART019"], diagnostics.Select(d => d.Id));
        DiagnosticAssert.At(diagnostics[0], "ART018", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/posts/broken.md", 6, 3);
        DiagnosticAssert.At(diagnostics[1], "ART020", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/posts/broken.md", 7, 4);
        DiagnosticAssert.At(diagnostics[2], "ART020", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/posts/broken.md", 7, 31);
        DiagnosticAssert.At(diagnostics[3], "ART018", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/posts/broken.md", 8, 3);
        DiagnosticAssert.At(diagnostics[4], "ART019", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, "content/posts/broken.md", 8, 33);
        DiagnosticAssert.At(diagnostics[5], "ART019", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, "content/posts/broken.md", 8, 66);
        Assert.Equal("The link '../guide/setp.md' names no file of any collection: it leads to 'content/guide/setp.md'", DiagnosticAssert.Message(diagnostics[0]));
        Assert.Equal("The image 'img/shoot.png' names no file of the project: it leads to 'content/posts/img/shoot.png'", DiagnosticAssert.Message(diagnostics[1]));
        Assert.Equal("The link '../files/talk.ppt' names no file of the project: it leads to 'content/files/talk.ppt'", DiagnosticAssert.Message(diagnostics[2]));
        Assert.Equal("The link '/blog/no-such-post' names no entry of Post (its entries' Url is '/blog/{slug}')", DiagnosticAssert.Message(diagnostics[3]));
        Assert.Equal("The link '/guide/setup#nothing' names no heading of 'content/guide/setup.md': no heading has the id 'nothing'; did you mean '#install'?", DiagnosticAssert.Message(diagnostics[4]));
        Assert.Equal("The link '#topp' names no heading of this article: no heading has the id 'topp'; did you mean '#top'?", DiagnosticAssert.Message(diagnostics[5]));
    }

    [Fact]
    public void The_analyzer_on_its_own_finds_the_same_link_diagnostics_as_the_generator()
    {
        // In a host that runs no generator (or shows the analyzer newer texts) the analyzer renders and checks by itself.
        var project = SiteProject()
            .WithArticle("content/posts/broken.md", "---\n---\n# Top\n\n[a](../guide/setp.md) ![b](img/none.png) [c](/blog/nope) [d](#topp) [e](../guide/setup.md#nothing) [f](/guide/setup#nowhere) [g](/guide/setup#install)\n");
        var run = project.Run();
        var byItself = project.AnalyzeWithoutFindings(run);

        static List<string> Describe(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics) => diagnostics
            .Where(d => d.Id is "ART018" or "ART019" or "ART020")
            .Select(d => d.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

        // f reaches a heading through the page's Url, which the analyzer keeps of an article without its values; g is sound.
        Assert.Equal(6, Describe(run.AnalyzerDiagnostics).Count);
        Assert.Equal(Describe(run.AnalyzerDiagnostics), Describe(byItself));
    }

    [Theory]
    [MemberData(nameof(InputOrder.Names), MemberType = typeof(InputOrder))]
    public void A_link_to_a_Url_two_entries_share_resolves_to_the_one_the_catalog_keeps_in_any_input_order(string order)
    {
        // dup.md takes ann.md's slug (ART008, and left out): a link to /blog/ann#bio is to ann.md, which has the heading,
        // whichever of the two files the compiler (or one of the analyzer's threads) hands over first.
        var files = new List<(string Path, string Text)>
        {
            ("content/posts/ann.md", "---\n---\n## Bio\n"),
            ("content/posts/dup.md", "---\nslug: ann\n---\nNo heading.\n"),
            ("content/posts/zed.md", "---\n---\nSee [Ann](/blog/ann#bio).\n"),
        };
        var project = new TestProject().WithSource(Site);
        foreach (var (path, text) in InputOrder.Apply(files, order))
        {
            project.WithArticle(path, text);
        }

        var run = project.Run();
        Assert.Equal(["ART008"], run.ArticleDiagnostics.Select(d => d.Id).Where(id => id != "ART012").ToArray());
    }

    [Fact]
    public void With_analyzers_off_the_generator_reports_the_link_errors_itself()
    {
        var run = SiteProject()
            .WithProperty("RunAnalyzers", "false")
            .WithArticle("content/posts/broken.md", "---\n---\nA [missing page](../guide/setp.md).\n")
            .Run();
        DiagnosticAssert.At(DiagnosticAssert.Single(run.GeneratorDiagnostics, "ART018"), "ART018", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/posts/broken.md", 3, 3);
    }

    [Fact]
    public void A_link_in_a_CRLF_file_is_reported_at_its_own_line_and_column()
    {
        var run = SiteProject()
            .WithArticle("content/posts/windows.md", "---\r\ntitle: x\r\n---\r\n\r\nFirst line.\r\n  Then [gone](gone.md).\r\n")
            .Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART018");
        DiagnosticAssert.At(diagnostic, "ART018", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/posts/windows.md", 6, 8);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan("---\r\ntitle: x\r\n---\r\n\r\nFirst line.\r\n  Then ".Length, 1), diagnostic.Location.SourceSpan);
    }

    [Fact]
    public void Excerpt_is_the_body_before_a_more_line_or_else_the_first_paragraph_and_empty_for_an_empty_body()
    {
        var run = new TestProject()
            .WithSource(Blog)
            .WithArticle("content/posts/more.md", "---\ntitle: More\n---\n# Heading\n\nOne *two*.\n\n- three\n\n<!--more-->\n\nFour.\n")
            .WithArticle("content/posts/first.md", "---\ntitle: First\n---\n# Heading\n\n> quoted\n\nThe first paragraph\ngoes on.\n\nSecond.\n")
            .WithArticle("content/posts/empty.md", "---\ntitle: Empty\n---\n")
            .WithArticle("content/posts/inline-more.md", "---\ntitle: Inline\n---\nText <!--more--> not a marker.\n\nSecond.\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "Blog.Post.More.Summary", "Blog.Post.First.Summary", "Blog.Post.Empty.Summary", "Blog.Post.Empty.Html",
            "Blog.Post.Empty.Words", "Blog.Post.Empty.ReadingTime", "Blog.Post.InlineMore.Summary", "Blog.Post.More.Html");
        Assert.Equal("<h1 id=\"heading\">Heading</h1>\n<p>One <em>two</em>.</p>\n<ul>\n<li>three</li>\n</ul>", values[0]);
        Assert.Equal("<p>The first paragraph\ngoes on.</p>", values[1]);
        Assert.Equal("", values[2]);
        Assert.Equal("", values[3]);
        Assert.Equal(0, values[4]);
        Assert.Equal(TimeSpan.FromMinutes(1), values[5]);
        Assert.Equal("<p>Text <!--more--> not a marker.</p>", values[6]);
        Assert.Contains("<p>Four.</p>", (string)values[7]!);
    }

    [Theory]
    [InlineData("English", "It's a well-known fact: 42 apples.", 6, 0)]
    [InlineData("German", "Die Straße ist schön – wirklich!", 5, 0)]
    [InlineData("Japanese", "Rubyは楽しいプログラミング言語です。", 1, 15)]
    [InlineData("Chinese", "我们发布了 Ruby 3.3.0。", 2, 5)]
    [InlineData("Katakana with the prolonged sound mark", "ルビー", 0, 3)]
    [InlineData("Han beyond the BMP", "𠮷野家", 0, 3)]
    [InlineData("Links, URLs and raw HTML", "[two words](https://example.com/not/words) <span class=\"x\">three</span> https://example.com/bare", 3, 0)]
    public void Word_count_counts_words_and_each_Chinese_or_Japanese_character(string language, string text, int words, int characters)
    {
        var body = Rendering.BodyRenderer.Render(text, Rendering.MarkdownDialect.TryCreate(null, out _)!, default, CancellationToken.None);
        Assert.True((words, characters) == (body.Words, body.CjkCharacters), $"{language}: expected {words} words and {characters} characters, got {body.Words} and {body.CjkCharacters}");
        Assert.Equal(words + characters, body.WordCount);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(200, 0, 1)]
    [InlineData(201, 0, 2)]
    [InlineData(250, 0, 2)]
    [InlineData(0, 500, 1)]
    [InlineData(0, 501, 2)]
    [InlineData(100, 250, 1)] // half a minute each: exactly one
    [InlineData(100, 251, 2)]
    public void Reading_time_is_200_words_or_500_characters_a_minute_rounded_up(int words, int characters, int minutes)
    {
        var body = new Rendering.RenderedBody("", default, 0, 0, default, default, words, characters);
        Assert.Equal(minutes, body.ReadingMinutes);
    }

    [Fact]
    public void Heading_text_keeps_code_spans_and_drops_emphasis_and_attribute_blocks_and_ids_are_Markdigs()
    {
        const string body = "# The `Get` method, *really* {#get}\n\n## Über Straße\n\n## Über Straße\n\nSetext\n======\n\n> ### Quoted\n";
        var rendered = Rendering.BodyRenderer.Render(body, Rendering.MarkdownDialect.TryCreate(null, out _)!, default, CancellationToken.None);
        Assert.Equal(
            ["1:The Get method, really:get", "2:Über Straße:uber-strae", "2:Über Straße:uber-strae-1", "1:Setext:setext", "3:Quoted:quoted"],
            rendered.Headings.Select(h => h.Level + ":" + h.Text + ":" + h.Id));
        Assert.Equal(Markdown.ToHtml(body, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()), rendered.Html);
    }

    [Fact]
    public void A_collection_without_an_ArticleBody_member_renders_nothing_and_checks_no_link()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"docs/*.md\")] public sealed partial record Doc { }")
            .WithArticle("docs/a.md", "---\n---\n[broken](nowhere.md) ![gone](gone.png)\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.Contains("ArticleHeading", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("nowhere", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[ArticleBody(ArticleBodyPart.WordCount)] public string Words { get; init; } = \"\";", "Post.Words is a string, but ArticleBodyPart.WordCount is an int or a long")]
    [InlineData("[ArticleBody(ArticleBodyPart.Html)] public int Html { get; init; }", "Post.Html is a int, but ArticleBodyPart.Html is a string")]
    [InlineData("[ArticleBody(ArticleBodyPart.Headings)] public IReadOnlyList<string> Toc { get; init; } = [];", "Post.Toc is a IReadOnlyList<string>, but ArticleBodyPart.Headings is a list of ArticleHeading")]
    [InlineData("[ArticleBody(ArticleBodyPart.ReadingTime)] public int Minutes { get; init; }", "Post.Minutes is a int, but ArticleBodyPart.ReadingTime is a TimeSpan")]
    [InlineData("[ArticleBody(ArticleBodyPart.Html)] public string Html { get; } = \"\";", "Post.Html must be an instance property with an 'init' or 'set' accessor")]
    public void An_ArticleBody_property_whose_type_does_not_fit_its_part_is_ART011(string property, string message)
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"posts/*.md\")] public sealed partial record Post { " + property + " }")
            .WithArticle("posts/a.md", "---\n---\nText.\n")
            .Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011");
        Assert.Contains(message, DiagnosticAssert.Message(diagnostic));
    }

    [Theory]
    [InlineData("Url = \"/blog/\"", "The Url '/blog/' of Post is not valid: it names no placeholder")]
    [InlineData("Url = \"/blog/{title}\"", "'{title}' is not a placeholder; use {slug} or {id}")]
    [InlineData("MarkdownExtensions = \"advanced+nosuchthing\"", "The MarkdownExtensions 'advanced+nosuchthing' of Post are not Markdig's")]
    public void A_Url_without_a_placeholder_or_extensions_Markdig_does_not_have_are_ART011_at_the_attribute(string argument, string message)
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"posts/*.md\", " + argument + ")] public sealed partial record Post { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = \"\"; }")
            .WithArticle("posts/a.md", "---\n---\nText.\n")
            .Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011");
        Assert.Contains(message, DiagnosticAssert.Message(diagnostic));
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void MarkdownExtensions_choose_what_Markdig_renders_and_headings_keep_their_ids()
    {
        const string body = "# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("plain/*.md", MarkdownExtensions = "common")] public sealed partial record Plain { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = ""; }
                [ArticleCollection("tables/*.md", MarkdownExtensions = "pipetables")] public sealed partial record Tables { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = ""; }
                """)
            .WithArticle("plain/a.md", "---\n---\n" + body)
            .WithArticle("tables/a.md", "---\n---\n" + body)
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();
        var values = run.Evaluate("Plain.A.Html", "Tables.A.Html");
        Assert.Equal(Markdown.ToHtml(body, new MarkdownPipelineBuilder().UseAutoIdentifiers().Build()), values[0]);
        Assert.Equal(Markdown.ToHtml(body, new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().Build()), values[1]);
        Assert.Contains("<table>", (string)values[1]!);
        Assert.DoesNotContain("<table>", (string)values[0]!);
    }

    [Fact]
    public void A_media_embed_renders_as_Markdig_renders_it_in_a_body_that_also_links_another_article()
    {
        const string body = "![yt](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\nSee [other](other.md).\n";
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"docs/*.md\")] public sealed partial record Doc { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = \"\"; }")
            .WithArticle("docs/embed.md", "---\n---\n" + body)
            .WithArticle("docs/other.md", "---\n---\nOther.\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();
        var html = (string)run.Evaluate("Doc.Embed.Html")!;
        Assert.Contains("<iframe", html);
        Assert.Equal(Markdown.ToHtml(body, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()), html);
    }

    [Fact]
    public void A_fragment_in_a_page_whose_headings_have_no_id_is_a_warning_not_a_failure()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"docs/*.md\")] public sealed partial record Doc { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = \"\"; }")
            .WithArticle("docs/a.md", "---\n---\n# Title {#}\n\n[x](#foo)\n")
            .Run()
            .AssertCompilesWithoutWarnings();
        var diagnostic = Assert.Single(run.ArticleDiagnostics);
        Assert.Equal("ART019", diagnostic.Id);
        Assert.EndsWith("no heading has the id 'foo', and none of its headings has an id", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void Abbreviations_and_inline_math_keep_their_text_in_headings_and_words()
    {
        var rendered = Rendering.BodyRenderer.Render(
            "*[HTML]: Hyper Text Markup Language\n\n# HTML basics\n\nWe use HTML here.\n\n## Euler $e^{i\\pi}+1=0$ identity\n",
            Rendering.MarkdownDialect.TryCreate(null, out _)!, default, CancellationToken.None);
        Assert.Equal(["HTML basics", "Euler e^{i\\pi}+1=0 identity"], rendered.Headings.Select(h => h.Text));
        Assert.Equal(2 + 4 + 3, rendered.Words);
    }

    [Theory]
    [InlineData("Body")]
    [InlineData("Id")]
    [InlineData("Slug")]
    [InlineData("SourcePath")]
    [InlineData("Url")]
    public void A_body_member_named_like_a_member_ArticleGen_sets_is_ART011(string name)
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"docs/*.md\", Url = \"/{slug}\")] public sealed partial record Doc { [ArticleBody(ArticleBodyPart.Html)] public string " + name + " { get; init; } = \"\"; }")
            .WithArticle("docs/a.md", "---\n---\nText.\n")
            .Run();
        Assert.Contains("cannot hold the body's Html: ArticleGen sets " + name + " itself", DiagnosticAssert.Message(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011")));
        Assert.DoesNotContain(run.CompilerDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && !d.Id.StartsWith("ART", StringComparison.Ordinal));
    }

    [Fact]
    public void Under_a_root_Url_images_and_static_files_are_not_entries_and_other_addresses_must_be()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"pages/*.md\", Url = \"/{slug}\")] public sealed partial record Page { [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = \"\"; }")
            .WithProjectFiles("wwwroot/feed.xml", "wwwroot/images/logo.png")
            .WithArticle("pages/about.md", "---\n---\n![logo](/images/logo.png) [feed](/feed.xml) [about](/about) [gone](/gone)\n")
            .Run();
        var diagnostic = Assert.Single(run.ArticleDiagnostics);
        DiagnosticAssert.At(diagnostic, "ART018", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "pages/about.md", 3, 61);
    }

    [Fact]
    public void A_slug_with_reserved_characters_gives_an_address_a_browser_reads_as_one_path()
    {
        var run = SiteProject()
            .WithArticle("content/posts/tips.md", "---\nslug: c#-tips? 100%\n---\nTips.\n")
            .WithArticle("content/posts/index.md", "---\n---\nRead [the tips](tips.md).\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();
        var values = run.Evaluate("Site.Post.Get(\"c#-tips? 100%\").Url", "Site.Post.Index.Html");
        Assert.Equal("/blog/c%23-tips%3F%20100%25", values[0]);
        Assert.Equal("<p>Read <a href=\"/blog/c%23-tips%3F%20100%25\">the tips</a>.</p>\n", values[1]);
    }

    [Fact]
    public void A_link_after_CRLF_front_matter_and_an_LF_body_is_reported_on_its_own_characters()
    {
        const string text = "---\r\ntitle: x\r\n---\r\nFirst line.\nThen [gone](gone.md).\r\n";
        var run = SiteProject().WithArticle("content/posts/mixed.md", text).Run();
        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART018");
        DiagnosticAssert.At(diagnostic, "ART018", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "content/posts/mixed.md", 5, 6);
        Assert.Equal(text.IndexOf("[gone]", StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }
}
