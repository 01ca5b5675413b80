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
            .WithArticle("content/x.md", "---\ntitle: X\nint32: 2147483648\ntags: solo\n---\n")
            .Run();

        var range = DiagnosticAssert.Single(run.ArticleDiagnostics.Where(d => d.GetMessage().Contains("int32")), "ART005");
        Assert.Equal("'int32' expects an integer (Int32) but found '2147483648', which is out of range", DiagnosticAssert.Message(range));
        var shape = DiagnosticAssert.Single(run.ArticleDiagnostics.Where(d => d.GetMessage().Contains("tags")), "ART005");
        Assert.Equal("'tags' expects a list (IReadOnlyList<string>) but found 'solo'", DiagnosticAssert.Message(shape));
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
    [InlineData("length: 90", "'length' expects a duration (TimeSpan, ISO 8601 such as PT2H44M, or [d.]hh:mm[:ss]) but found '90'")]
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
}
