using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Contract §2: what a declared property becomes, read back from the generated catalog as a program would.</summary>
public sealed class DeclaringACollectionTests
{
    private const string Everything = """
        namespace Shop;

        [ArticleCollection("content/*.md")]
        public sealed partial record Item
        {
            public required string Title { get; init; }
            public bool Flag { get; init; }
            public int Int32 { get; init; }
            public long Int64 { get; init; }
            public double Double { get; init; }
            public decimal Decimal { get; init; }
            public DateTime When { get; init; }
            public DateTimeOffset At { get; init; }
            public Color Color { get; init; }
            public IReadOnlyList<string> Tags { get; init; } = [];
            public int[] Sizes { get; init; } = [];
            public int? MaybeNumber { get; init; }
            public string? MaybeText { get; init; }
            public Color? MaybeColor { get; init; }
            public DateTimeOffset? MaybeAt { get; init; }
        }

        public enum Color { Red, DarkBlue, InProgress }
        """;

    [Fact]
    public void Every_scalar_type_reads_back_from_the_catalog()
    {
        var run = new TestProject()
            .WithSource(Everything)
            .WithArticle("content/one.md", """
                ---
                title: One
                flag: true
                int32: -2147483648
                int64: 9007199254740993
                double: 2.5e-3
                decimal: 79228162514264337593543950335
                when: 2022-08-08T11:55:00
                at: 2022-08-08T11:55:00+02:00
                color: dark-blue
                tags: [a, "b, c", 'd']
                sizes:
                  - 1
                  - 0x10
                  - -3
                maybeNumber: ~
                maybeText: null
                maybeColor: in_progress
                ---
                """)
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "Shop.Item.One.Title",
            "Shop.Item.One.Flag",
            "Shop.Item.One.Int32",
            "Shop.Item.One.Int64",
            "Shop.Item.One.Double",
            "Shop.Item.One.Decimal",
            "Shop.Item.One.When",
            "Shop.Item.One.When.Kind",
            "Shop.Item.One.At",
            "Shop.Item.One.Color.ToString()",
            "string.Join('|', Shop.Item.One.Tags)",
            "string.Join('|', Shop.Item.One.Sizes)",
            "Shop.Item.One.MaybeNumber",
            "Shop.Item.One.MaybeText",
            "Shop.Item.One.MaybeColor.ToString()",
            "Shop.Item.One.MaybeAt");

        Assert.Equal("One", values[0]);
        Assert.Equal(true, values[1]);
        Assert.Equal(int.MinValue, values[2]);
        Assert.Equal(9007199254740993L, values[3]);
        Assert.Equal(2.5e-3, values[4]);
        Assert.Equal(decimal.MaxValue, values[5]);
        Assert.Equal(new DateTime(2022, 8, 8, 11, 55, 0, DateTimeKind.Utc), values[6]);
        Assert.Equal(DateTimeKind.Utc, values[7]);
        Assert.Equal(new DateTimeOffset(2022, 8, 8, 11, 55, 0, TimeSpan.FromHours(2)), values[8]);
        Assert.Equal(TimeSpan.FromHours(2), ((DateTimeOffset)values[8]!).Offset);
        Assert.Equal("DarkBlue", values[9]);
        Assert.Equal("a|b, c|d", values[10]);
        Assert.Equal("1|16|-3", values[11]);
        Assert.Null(values[12]);
        Assert.Null(values[13]);
        Assert.Equal("InProgress", values[14]);
        Assert.Null(values[15]);
    }

    [Fact]
    public void A_timestamp_with_an_offset_becomes_that_instant_in_UTC_for_a_DateTime()
    {
        var run = new TestProject()
            .WithSource(Everything)
            .WithArticle("content/one.md", "---\ntitle: One\nwhen: 2022-08-08 11:55:00.25 -05:00\nat: 2022-08-08\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();

        var values = run.Evaluate("Shop.Item.One.When", "Shop.Item.One.When.Kind", "Shop.Item.One.At");
        Assert.Equal(new DateTime(2022, 8, 8, 16, 55, 0, 250, DateTimeKind.Utc), values[0]);
        Assert.Equal(DateTimeKind.Utc, values[1]);
        Assert.Equal(new DateTimeOffset(2022, 8, 8, 0, 0, 0, TimeSpan.Zero), values[2]);
    }

    [Fact]
    public void Nested_types_bind_at_any_depth_through_lists_and_nullable_properties()
    {
        var run = new TestProject()
            .WithSource("""
                namespace Deep;

                [ArticleCollection("content/*.md")]
                public sealed partial class Page
                {
                    public Level1? One { get; set; }
                }

                public sealed class Level1 { public IReadOnlyList<Level2> Twos { get; init; } = []; }
                public sealed record Level2 { public Level3[] Threes { get; init; } = []; }
                public sealed record Level3 { public Level4? Four { get; init; } }
                public sealed record Level4 { public required string Name { get; init; } public int? Size { get; init; } }
                """)
            .WithArticle("content/page.md", """
                ---
                one:
                  twos:
                    - threes:
                        - four:
                            name: deepest
                            size: 4
                        - four: ~
                    - threes: []
                ---
                """)
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "Deep.Page.Page_2.One!.Twos[0].Threes[0].Four!.Name",
            "Deep.Page.Page_2.One!.Twos[0].Threes[0].Four!.Size",
            "Deep.Page.Page_2.One!.Twos[0].Threes[1].Four",
            "Deep.Page.Page_2.One!.Twos[1].Threes.Length");
        Assert.Equal("deepest", values[0]);
        Assert.Equal(4, values[1]);
        Assert.Null(values[2]);
        Assert.Equal(0, values[3]);
    }

    [Fact]
    public void Keys_match_properties_ignoring_case_dashes_and_underscores_or_by_ArticleField()
    {
        var run = new TestProject()
            .WithSource("""
                namespace Keys;

                [ArticleCollection("content/*.md")]
                public sealed partial record Post
                {
                    public DateTimeOffset PublishedDateTime { get; init; }
                    public string? WebUrl { get; init; }
                    public int ReadingTime { get; init; }
                    [ArticleField("x-legacy-id")] public string? LegacyId { get; init; }
                }
                """)
            .WithArticle("content/a.md", "---\npublished-date-time: 2020-01-02T03:04:05Z\nWEB_URL: https://example.org\nreadingtime: 7\nx-legacy-id: L-1\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();

        var values = run.Evaluate("Keys.Post.A.PublishedDateTime.Year", "Keys.Post.A.WebUrl", "Keys.Post.A.ReadingTime", "Keys.Post.A.LegacyId");
        Assert.Equal(new object?[] { 2020, "https://example.org", 7, "L-1" }, values);
    }

    [Fact]
    public void Scalars_are_resolved_by_the_declared_type_not_by_YAML_guessing()
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("content/*.md")]
                public sealed partial record Country
                {
                    public string? Code { get; init; }
                    public string? Version { get; init; }
                    public string? Empty { get; init; }
                    public string? Quoted { get; init; }
                    public string? Date { get; init; }
                }
                """)
            .WithArticle("content/norway.md", "---\ncode: no\nversion: 1.10\nempty: ''\nquoted: \"~\"\ndate: 2022-08-08\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();

        var values = run.Evaluate("Country.Norway.Code", "Country.Norway.Version", "Country.Norway.Empty", "Country.Norway.Quoted", "Country.Norway.Date");
        Assert.Equal(new object?[] { "no", "1.10", "", "~", "2022-08-08" }, values);
    }

    [Fact]
    public void Absent_keys_keep_the_property_initializer_or_default()
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("content/*.md")]
                public sealed partial record Note
                {
                    public string Status { get; init; } = "draft";
                    public int Priority { get; init; } = 3;
                    public IReadOnlyList<string> Tags { get; init; } = ["untagged"];
                    public bool Pinned { get; init; }
                }
                """)
            .WithArticle("content/n.md", "---\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate("Note.N.Status", "Note.N.Priority", "string.Join('|', Note.N.Tags)", "Note.N.Pinned");
        Assert.Equal(new object?[] { "draft", 3, "untagged", false }, values);
    }

    [Fact]
    public void An_empty_value_for_a_list_is_an_empty_list()
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("content/*.md")]
                public sealed partial record Note
                {
                    public IReadOnlyList<string> Tags { get; init; } = ["untagged"];
                    public string[] Names { get; init; } = ["x"];
                }
                """)
            .WithArticle("content/n.md", "---\ntags:\nnames: []\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();

        Assert.Equal(new object?[] { 0, 0 }, run.Evaluate("Note.N.Tags.Count", "Note.N.Names.Length"));
    }

    [Fact]
    public void Integers_out_of_range_and_wrong_shapes_are_refused_with_the_reason()
    {
        var run = new TestProject()
            .WithSource(Everything)
            .WithArticle("content/x.md", "---\ntitle: X\nint32: 2147483648\nsizes: {a: 1}\n---\n")
            .Run();

        var range = DiagnosticAssert.Single(run.ArticleDiagnostics.Where(d => d.GetMessage().Contains("int32")), "ART005");
        Assert.Equal("'int32' expects an integer (Int32) but found '2147483648', which is out of range", DiagnosticAssert.Message(range));
        var shape = DiagnosticAssert.Single(run.ArticleDiagnostics.Where(d => d.GetMessage().Contains("sizes")), "ART005");
        Assert.Equal("'sizes' expects a list (int[]) but found a mapping", DiagnosticAssert.Message(shape));
    }

    [Fact]
    public void Durations_dates_times_URIs_GUIDs_and_every_list_and_dictionary_shape_read_back()
    {
        var run = new TestProject()
            .WithSource("""
                using System.Collections.Immutable;

                namespace More;

                [ArticleCollection("content/*.md")]
                public sealed partial record Video
                {
                    public TimeSpan Length { get; init; }
                    public TimeSpan? Clock { get; init; }
                    public TimeSpan Month { get; init; }
                    public DateOnly Day { get; init; }
                    public TimeOnly Starts { get; init; }
                    public Uri? Absolute { get; init; }
                    public Uri? Relative { get; init; }
                    public Guid Key { get; init; }
                    public List<string> AsList { get; init; } = [];
                    public IEnumerable<int> AsEnumerable { get; init; } = [];
                    public ImmutableArray<string> AsImmutable { get; init; } = [];
                    public IReadOnlyDictionary<string, int> Scores { get; init; } = new Dictionary<string, int>();
                    public IReadOnlyList<string?> Holes { get; init; } = [];
                }
                """)
            .WithArticle("content/v.md", """
                ---
                length: PT2H44M
                clock: 1.02:03:04.5
                month: P1M
                day: 2024-02-29
                starts: "09:30"
                absolute: https://example.org/a?b=c
                relative: /assets/a.png
                key: 0f8fad5b-d9cb-469f-a165-70867728950e
                asList: [a, b]
                asEnumerable: [1, 2, 3]
                asImmutable: [x]
                scores: { alice: 3, bob: 5 }
                holes: [a, ~, b]
                ---
                """)
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "More.Video.V.Length",
            "More.Video.V.Clock",
            "More.Video.V.Month",
            "More.Video.V.Day",
            "More.Video.V.Starts",
            "More.Video.V.Absolute!.IsAbsoluteUri",
            "More.Video.V.Relative!.OriginalString",
            "More.Video.V.Key",
            "string.Join('|', More.Video.V.AsList)",
            "System.Linq.Enumerable.Sum(More.Video.V.AsEnumerable)",
            "More.Video.V.AsImmutable[0]",
            "More.Video.V.Scores[\"bob\"]",
            "string.Join('|', More.Video.V.Holes)");
        Assert.Equal(new TimeSpan(2, 44, 0), values[0]);
        Assert.Equal(new TimeSpan(1, 2, 3, 4, 500), values[1]);
        Assert.Equal(TimeSpan.FromDays(30), values[2]);
        Assert.Equal(new DateOnly(2024, 2, 29), values[3]);
        Assert.Equal(new TimeOnly(9, 30), values[4]);
        Assert.Equal(true, values[5]);
        Assert.Equal("/assets/a.png", values[6]);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), values[7]);
        Assert.Equal("a|b", values[8]);
        Assert.Equal(6, values[9]);
        Assert.Equal("x", values[10]);
        Assert.Equal(5, values[11]);
        Assert.Equal("a||b", values[12]);
    }

    [Theory]
    [InlineData("length: 90", "'length' expects a duration (TimeSpan, ISO 8601 such as PT2H44M, or [d.]hh:mm[:ss]) but found '90'; a site's own format can be declared with [ArticleField(Format = \"…\")], a .NET custom format string")]
    [InlineData("day: 2023-02-29", "'day' expects a date (DateOnly, yyyy-MM-dd) but found '2023-02-29', which is not a date in the calendar")]
    [InlineData("key: not-a-guid", "'key' expects a GUID (Guid) but found 'not-a-guid'")]
    public void Values_of_the_other_types_that_do_not_convert_say_what_was_expected(string line, string message)
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("content/*.md")]
                public sealed partial record Video
                {
                    public TimeSpan Length { get; init; }
                    public DateOnly Day { get; init; }
                    public Guid Key { get; init; }
                }
                """)
            .WithArticle("content/v.md", "---\n" + line + "\n---\n")
            .Run();

        Assert.Equal(message, DiagnosticAssert.Message(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005")));
    }

    // Contract v2: what real documentation sites write, each a reproduction from a site nobody here wrote.

    private const string DocsPage = """
        namespace Docs;

        [ArticleCollection("docs/**/*.md")]
        public sealed partial record Page
        {
            public string? Title { get; init; }
            [ArticleField("ms.date", Format = "M/d/yyyy")] public DateOnly? MsDate { get; init; }
            public IReadOnlyList<string> MsCustom { get; init; } = [];
            public string[] BrowserCompat { get; init; } = [];
            public List<int>? Sizes { get; init; }
            public string? MsTopic { get; init; }
        }
        """;

    [Fact]
    public void Dotted_keys_bind_by_the_name_rule_and_a_single_value_or_nothing_is_a_list()
    {
        var run = new TestProject()
            .WithSource(DocsPage)
            .WithArticle("docs/one.md", "---\ntitle: One\nms.topic: conceptual\nms.custom: index-page\nbrowser-compat: api.fetch\nsizes: 3\n---\n")
            .WithArticle("docs/two.md", "---\ntitle: Two\nms.custom: [a, b]\nbrowser-compat: [api.fetch, api.Request]\nsizes: \n---\n")
            .WithArticle("docs/three.md", "---\ntitle: Three\nms.custom: \"\"\nbrowser-compat: ~\nsizes: ''\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "Docs.Page.One.MsTopic", "string.Join('|', Docs.Page.One.MsCustom)", "string.Join('|', Docs.Page.One.BrowserCompat)", "string.Join('|', Docs.Page.One.Sizes!)",
            "string.Join('|', Docs.Page.Two.MsCustom)", "string.Join('|', Docs.Page.Two.BrowserCompat)", "Docs.Page.Two.Sizes is null",
            "Docs.Page.Three.MsCustom.Count", "Docs.Page.Three.BrowserCompat.Length", "Docs.Page.Three.Sizes!.Count");
        Assert.Equal(new object?[] { "conceptual", "index-page", "api.fetch", "3", "a|b", "api.fetch|api.Request", true, 0, 0, 0 }, values);
    }

    [Fact]
    public void A_single_value_is_checked_as_the_item_it_stands_for()
    {
        var run = new TestProject()
            .WithSource(DocsPage)
            .WithArticle("docs/bad.md", "---\nsizes: large\n---\n")
            .Run();

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005");
        DiagnosticAssert.At(diagnostic, "ART005", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "docs/bad.md", 2, 8);
        Assert.Equal("'sizes[0]' expects an integer (Int32) but found 'large'", DiagnosticAssert.Message(diagnostic));
    }

    [Fact]
    public void Format_reads_dates_times_and_durations_in_the_sites_own_form_whatever_the_build_machine()
    {
        var run = new TestProject()
            .WithSource("""
                namespace Docs;

                [ArticleCollection("docs/*.md")]
                public sealed partial record Page
                {
                    [ArticleField("ms.date", Format = "M/d/yyyy")] public required DateTimeOffset MsDate { get; init; }
                    [ArticleField(Format = "dd.MM.yyyy HH:mm")] public DateTime Updated { get; init; }
                    [ArticleField(Format = "yyyyMMdd")] public DateOnly Day { get; init; }
                    [ArticleField(Format = "h:mm tt")] public TimeOnly Starts { get; init; }
                    [ArticleField(Format = @"m\:ss")] public TimeSpan Minutes { get; init; }
                    [ArticleField(Format = "M/d/yyyy")] public IReadOnlyList<DateOnly> Reviewed { get; init; } = [];
                    [ArticleField(Format = "yyyy-MM-dd HH:mm zzz")] public DateTimeOffset Zoned { get; init; }
                }
                """)
            .WithArticle("docs/a.md", "---\nms.date: 05/09/2022\nupdated: 31.12.2023 23:30\nday: 20240229\nstarts: 9:05 PM\nminutes: \"4:05\"\nreviewed: [1/2/2024, 12/31/2024]\nzoned: 2024-03-10 02:30 -05:00\n---\n")
            .WithArticle("docs/b.md", "---\nms.date: 5/9/2022\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        var values = run.Evaluate(
            "Docs.Page.A.MsDate", "Docs.Page.B.MsDate", "Docs.Page.A.Updated", "Docs.Page.A.Updated.Kind", "Docs.Page.A.Day", "Docs.Page.A.Starts", "Docs.Page.A.Minutes",
            "string.Join('|', Docs.Page.A.Reviewed)", "Docs.Page.A.Zoned");
        Assert.Equal(new DateTimeOffset(2022, 5, 9, 0, 0, 0, TimeSpan.Zero), values[0]);
        Assert.Equal(values[0], values[1]);
        Assert.Equal(new DateTime(2023, 12, 31, 23, 30, 0, DateTimeKind.Utc), values[2]);
        Assert.Equal(DateTimeKind.Utc, values[3]);
        Assert.Equal(new DateOnly(2024, 2, 29), values[4]);
        Assert.Equal(new TimeOnly(21, 5), values[5]);
        Assert.Equal(new TimeSpan(0, 4, 5), values[6]);
        Assert.Equal(new DateOnly(2024, 1, 2) + "|" + new DateOnly(2024, 12, 31), values[7]);
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 2, 30, 0, TimeSpan.FromHours(-5)), values[8]);
    }

    [Fact]
    public void A_value_not_in_the_declared_format_is_ART005_naming_the_format()
    {
        var run = new TestProject()
            .WithSource(DocsPage)
            .WithArticle("docs/bad.md", "---\nms.date: 2022-05-09\n---\n")
            .Run();

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005");
        DiagnosticAssert.At(diagnostic, "ART005", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "docs/bad.md", 2, 10);
        Assert.Equal("'ms.date' expects a date (DateOnly) in the format 'M/d/yyyy' but found '2022-05-09'", DiagnosticAssert.Message(diagnostic));
    }

    [Theory]
    [InlineData("2026-07-16 05:08:11 +0000", 2026, 7, 16, 5, 8, 11, 0)]
    [InlineData("2008-08-23 5:00:00 +0000", 2008, 8, 23, 5, 0, 0, 0)]
    [InlineData("2024-05-09 10:30:00 -0500", 2024, 5, 9, 10, 30, 0, -300)]
    [InlineData("2024-05-09 10:30:00   +01:00", 2024, 5, 9, 10, 30, 0, 60)]
    [InlineData("2024-05-09t10:30:00.5Z", 2024, 5, 9, 10, 30, 0, 0)]
    [InlineData("2024-5-9 8:00", 2024, 5, 9, 8, 0, 0, 0)]
    [InlineData("2024-05-09", 2024, 5, 9, 0, 0, 0, 0)]
    public void Dates_take_the_timestamp_forms_Jekyll_and_YAML_sites_write(string text, int year, int month, int day, int hour, int minute, int second, int offsetMinutes)
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"posts/*.md\")] public sealed partial record Post { public required DateTimeOffset Date { get; init; } }")
            .WithArticle("posts/p.md", "---\ndate: " + text + "\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();

        var expected = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes));
        if (text.Contains(".5", StringComparison.Ordinal))
        {
            expected = expected.AddMilliseconds(500);
        }

        Assert.Equal(new object?[] { expected, expected.Offset }, run.Evaluate("Post.P.Date", "Post.P.Date.Offset"));
    }

    [Fact]
    public void DateFromFileName_fills_an_absent_or_empty_date_from_a_Jekyll_file_name_and_satisfies_required()
    {
        var single = new TestProject()
            .WithSource("""
                [ArticleCollection("_posts/*.md")]
                public sealed partial record Post
                {
                    public required string Title { get; init; }
                    [ArticleField(DateFromFileName = true)] public required DateTimeOffset Date { get; init; }
                }
                """)
            .WithArticle("_posts/2026-07-16-ruby-3-3-12-released.md", "---\ntitle: Absent\n---\n")
            .WithArticle("_posts/2026-07-17-written.md", "---\ntitle: Written\ndate: 2026-07-16 05:08:11 +0000\n---\n")
            .WithArticle("_posts/2001-01-18-empty.md", "---\ntitle: Empty\ndate:\n---\n")
            .Run()
            .AssertNoArticleDiagnostics()
            .AssertCompilesWithoutWarnings();

        Assert.Equal(
            new object?[]
            {
                new DateTimeOffset(2026, 7, 16, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 7, 16, 5, 8, 11, TimeSpan.Zero),
                new DateTimeOffset(2001, 1, 18, 0, 0, 0, TimeSpan.Zero),
            },
            single.Evaluate("Post.Get(\"2026-07-16-ruby-3-3-12-released\").Date", "Post.Get(\"2026-07-17-written\").Date", "Post.Get(\"2001-01-18-empty\").Date"));
    }

    [Fact]
    public void DateFromFileName_without_a_date_in_the_key_or_the_file_name_is_ART004_saying_both()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"_posts/*.md\")] public sealed partial record Post { [ArticleField(DateFromFileName = true)] public required DateOnly Date { get; init; } }")
            .WithArticle("_posts/about.md", "---\ntitle: About\n---\n")
            .WithArticle("_posts/2023-02-30-not-a-day.md", "---\n---\n")
            .Run();

        var missing = run.ArticleDiagnostics.Where(d => d.Id == "ART004").ToList();
        Assert.Equal(2, missing.Count);
        DiagnosticAssert.At(missing[0], "ART004", Microsoft.CodeAnalysis.DiagnosticSeverity.Error, "_posts/2023-02-30-not-a-day.md", 1, 1);
        Assert.Equal("Required key 'date' is missing: Post.Date declares it 'required', and the file name does not start with a date (yyyy-MM-dd-)", DiagnosticAssert.Message(missing[1]));
    }

    [Theory]
    [InlineData("[ArticleField(Format = \"M/d/yyyy\")] public string? Date { get; init; }", "[ArticleField(Format = ...)] on Post.Date applies to dates, times and durations (DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, or lists of them), not to string")]
    [InlineData("[ArticleField(Format = \"\")] public DateTime Date { get; init; }", "[ArticleField(Format = \"\")] on Post.Date is not a .NET custom format string for DateTime: it is empty")]
    [InlineData("[ArticleField(Format = \"yyyy-MM-dd\\\\\")] public DateTime Date { get; init; }", "[ArticleField(Format = \"yyyy-MM-dd\\\")] on Post.Date is not a .NET custom format string for DateTime:")]
    [InlineData("[ArticleField(Format = \"MMM d\")] public DateOnly Date { get; init; }", "[ArticleField(Format = \"MMM d\")] on Post.Date does not hold a whole date (year, month and day, such as M/d/yyyy): every value would take this year or today, a different value every day")]
    [InlineData("[ArticleField(Format = \"HH:mm\")] public DateTimeOffset Date { get; init; }", "[ArticleField(Format = \"HH:mm\")] on Post.Date does not hold a whole date")]
    [InlineData("[ArticleField(DateFromFileName = true)] public string? Date { get; init; }", "[ArticleField(DateFromFileName = true)] on Post.Date needs a date type (DateTime, DateTimeOffset or DateOnly, or a nullable one), not string")]
    [InlineData("[ArticleField(\"\")] public string? Date { get; init; }", "[ArticleField] on Post.Date names an empty key; leave the key out to keep the name rule")]
    public void A_Format_or_DateFromFileName_that_cannot_apply_is_ART011_on_the_declaration(string property, string message)
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"_posts/*.md\")] public sealed partial record Post { " + property + " }")
            .WithArticle("_posts/a.md", "---\n---\n")
            .Run();

        var diagnostic = DiagnosticAssert.Single(run.ArticleDiagnostics, "ART011");
        Assert.StartsWith(message, DiagnosticAssert.Message(diagnostic), StringComparison.Ordinal);
        Assert.Equal("/project/Collections.cs", diagnostic.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("int32: |\n  12\n", "'int32' expects an integer (Int32) but found '12\\n'; a block scalar ('|' or '>') keeps its final line break: write the value on the key's line")]
    [InlineData("double: |\n  1.5\n", "'double' expects a number (Double) but found '1.5\\n'; a block scalar ('|' or '>') keeps its final line break: write the value on the key's line")]
    [InlineData("int64: 0o7777777777777777777777\n", "'int64' expects an integer (Int64) but found '0o7777777777777777777777', which is out of range")]
    [InlineData("int64: 0o78\n", "'int64' expects an integer (Int64) but found '0o78'")]
    public void Numbers_end_where_the_value_ends_and_say_why_they_are_refused(string lines, string message)
    {
        // v1's patterns ended in '$', which also matches before a final line break: '12\n' was "out of range" and '1.5\n' a double.
        var run = new TestProject()
            .WithSource(Everything)
            .WithArticle("content/x.md", "---\ntitle: X\n" + lines + "---\n")
            .Run();

        Assert.Equal(message, DiagnosticAssert.Message(DiagnosticAssert.Single(run.ArticleDiagnostics, "ART005")));
    }

    private const string Measurements = """
        namespace Lab;

        [ArticleCollection("content/*.md")]
        public sealed partial record Reading
        {
            public double Value { get; init; }
            public double? Maybe { get; init; }
            public double[] Array { get; init; } = [];
            public IReadOnlyList<double> List { get; init; } = [];
            public decimal Amount { get; init; }
            public IReadOnlyList<decimal> Amounts { get; init; } = [];
        }
        """;

    /// <summary>Doubles whose shortest text is long, subnormal, extreme, a signed zero, infinite or not a number.</summary>
    private static readonly string[] Doubles =
    [
        "0.84551240822557006", "0.1", "0.30000000000000004", "5e-324", "2.2250738585072009E-308", "2.2250738585072014E-308",
        "1.7976931348623157E+308", "-0.0", "0", ".inf", "-.inf", ".nan", "1e-7", "123456789012345678", "9007199254740993", "-1.5",
    ];

    private static long BitsOfYaml(string text) => BitConverter.DoubleToInt64Bits(text switch
    {
        ".inf" => double.PositiveInfinity,
        "-.inf" => double.NegativeInfinity,
        ".nan" => double.NaN,
        _ => double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public void A_double_reads_back_with_the_exact_bits_of_its_YAML_text()
    {
        // With no string budget the data goes in u8 literals, readable in the generated source (checked at the end).
        var project = new TestProject().WithSource(Measurements).WithProperty("ArticleGenStringDataBudget", "0");
        for (var i = 0; i < Doubles.Length; i++)
        {
            project.WithArticle($"content/v{i}.md", $"---\nvalue: {Doubles[i]}\nmaybe: {Doubles[i]}\n---\n");
        }

        var list = "[" + string.Join(", ", Doubles) + "]";
        project.WithArticle("content/lists.md", $"---\narray: {list}\nlist: {list}\n---\n");
        var run = project.Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();

        var expected = Doubles.Select(BitsOfYaml).ToArray();
        var values = run.Evaluate(
            [
                .. Doubles.Select((_, i) => $"BitConverter.DoubleToInt64Bits(Lab.Reading.Get(\"v{i}\").Value)"),
                .. Doubles.Select((_, i) => $"BitConverter.DoubleToInt64Bits(Lab.Reading.Get(\"v{i}\").Maybe!.Value)"),
                "System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(Lab.Reading.Lists.Array, BitConverter.DoubleToInt64Bits))",
                "System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(Lab.Reading.Lists.List, BitConverter.DoubleToInt64Bits))",
            ]);
        Assert.Equal(expected, values.Take(Doubles.Length).Cast<long>());
        Assert.Equal(expected, values.Skip(Doubles.Length).Take(Doubles.Length).Cast<long>());
        Assert.Equal(expected, (long[])values[^2]!);
        Assert.Equal(expected, (long[])values[^1]!);

        // Visual Studio and MSBuild.exe run generators on .NET Framework, whose "R" text of a double does not always
        // parse back to it (0.84551240822557006) and whose -0.0 is "0": no double is written or read as text.
        var generated = string.Join("\n", run.GeneratedSources.Select(s => s.Text));
        Assert.DoesNotContain("double.Parse", generated);
        Assert.DoesNotContain("0.8455124082255", generated);
        Assert.Contains("BitConverter.Int64BitsToDouble", generated);
    }

    [Fact]
    public void A_decimal_reads_back_with_its_value_and_its_scale()
    {
        string[] decimals =
        [
            "1.10", "1.1", "0.00", "-1.50", "100e-2", "1e-28", "0.0000000000000000000000000001", "1.0000000000000000000000000000",
            "79228162514264337593543950335", "-79228162514264337593543950335", "12345678901234567890.123456789",
            "0.123456789012345678901234567891",
        ];
        var project = new TestProject().WithSource(Measurements);
        for (var i = 0; i < decimals.Length; i++)
        {
            project.WithArticle($"content/m{i}.md", $"---\namount: {decimals[i]}\n---\n");
        }

        project.WithArticle("content/lists.md", $"---\namounts: [{string.Join(", ", decimals)}]\n---\n");
        var run = project.Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();

        // decimal.GetBits holds the scale: 1.10 is 110 at scale 2, never 1.1.
        static string Bits(decimal value) => string.Join(",", decimal.GetBits(value));
        var expected = decimals.Select(t => Bits(decimal.Parse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var values = run.Evaluate(
            [
                .. decimals.Select((_, i) => $"string.Join(\",\", decimal.GetBits(Lab.Reading.Get(\"m{i}\").Amount))"),
                "string.Join(\"|\", System.Linq.Enumerable.Select(Lab.Reading.Lists.Amounts, m => string.Join(\",\", decimal.GetBits(m))))",
            ]);
        Assert.Equal(expected, values.Take(decimals.Length).Cast<string>());
        Assert.Equal(string.Join("|", expected), values[^1]);
        Assert.Equal("1.10", run.Evaluate("Lab.Reading.M0.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)"));
    }

    [Fact]
    public void An_empty_string_is_an_empty_list_of_any_items()
    {
        var run = new TestProject()
            .WithSource("""
                [ArticleCollection("docs/*.md")]
                public sealed partial record Page
                {
                    public IReadOnlyList<Image> Images { get; init; } = [];
                    public IReadOnlyList<string[]> Groups { get; init; } = [];
                }

                public sealed record Image { public string? Src { get; init; } }
                """)
            .WithArticle("docs/a.md", "---\nimages: \"\"\ngroups: ''\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();
        Assert.Equal(new object?[] { 0, 0 }, run.Evaluate("Page.A.Images.Count", "Page.A.Groups.Count"));
    }

    [Theory]
    [InlineData("2026-07-16 05:08:11 +0000")]
    [InlineData("2026-7-16")]
    [InlineData("2026-07-16T23:30:00-05:00")]
    public void A_DateOnly_takes_the_date_as_written_in_any_timestamp_form(string text)
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"posts/*.md\")] public sealed partial record Post { public DateOnly Day { get; init; } }")
            .WithArticle("posts/p.md", "---\nday: " + text + "\n---\n")
            .Run()
            .AssertNoArticleDiagnostics();
        Assert.Equal(new DateOnly(2026, 7, 16), run.Evaluate("Post.P.Day"));
    }
}
