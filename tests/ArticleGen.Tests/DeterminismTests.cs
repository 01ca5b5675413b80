using System.Globalization;
using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>
/// The generated sources depend on the articles and the declarations only: not on the order of the input files,
/// the culture the compiler runs under, or the machine's time zone.
/// </summary>
[Collection(ProcessWideStateCollection.Name)]
public sealed class DeterminismTests
{
    private const string Values = """
        namespace Facts;

        [ArticleCollection("content/*.md")]
        public sealed partial record Fact
        {
            public required string Title { get; init; }
            public DateTime Local { get; init; }
            public DateTimeOffset Offset { get; init; }
            public double Ratio { get; init; }
            public decimal Price { get; init; }
            public TimeSpan Length { get; init; }
            public Kind Kind { get; init; }
            [ArticleField(Format = "yyyy-MM-dd HH:mm zzz")] public DateOnly Zoned { get; init; }
            [ArticleField(Format = "HH:mm zzz")] public TimeOnly Clock { get; init; }
            [ArticleField(Format = "M/d/yy")] public DateOnly Short { get; init; }
            [ArticleField(Format = "yyyy-MM-dd HH:mm")] public DateTime Plain { get; init; }
        }

        public enum Kind { Istanbul, Information }

        [ArticleCollection("pages/*.md", Url = "/p/{slug}")]
        public sealed partial record Page
        {
            [ArticleBody(ArticleBodyPart.Html)] public string Html { get; init; } = "";
            [ArticleBody(ArticleBodyPart.Headings)] public IReadOnlyList<ArticleHeading> Toc { get; init; } = [];
            [ArticleBody(ArticleBodyPart.WordCount)] public int Words { get; init; }
        }
        """;

    private static (string Sources, string Values) GenerateAll()
    {
        var run = new TestProject()
            .WithSource(Values)
            .WithArticle("content/ırmak.md", "---\ntitle: Irmak İstanbul\nlocal: 2022-03-27 02:30:00\noffset: 2022-10-30T01:30:00+01:00\nratio: 1234.5e-3\nprice: 1234.56\nlength: PT1H30M\nkind: information\nzoned: 2024-03-10 23:30 -05:00\nclock: 23:30 -05:00\nshort: 1/1/35\nplain: 2022-03-27 02:30\n---\n")
            .WithArticle("content/i.md", "---\ntitle: i\nkind: ISTANBUL\n---\nBody\n")
            // Heading ids and words never depend on the culture (Turkish dotted and dotless i, German ß, Han).
            .WithArticle("pages/ırmak.md", "---\n---\n# İstanbul IRMAK ırmak\n\n## Über Straße 1.234,5\n\nİİ ıı 東京 [back](ırmak.md#uber-strae-1.2345).\n")
            .Run();
        Assert.Empty(run.ArticleDiagnostics);
        var sources = string.Join("\n// ----\n", run.Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText));

        // The catalog read back under the same culture: its data is read culture-invariantly too.
        var values = run.Evaluate(
            "Facts.Fact.Get(\"ırmak\").Local.Ticks", "Facts.Fact.Get(\"ırmak\").Local.Kind", "Facts.Fact.Get(\"ırmak\").Offset.Ticks", "Facts.Fact.Get(\"ırmak\").Offset.Offset",
            "Facts.Fact.Get(\"ırmak\").Ratio == 1.2345", "Facts.Fact.Get(\"ırmak\").Price == 1234.56m", "Facts.Fact.Get(\"ırmak\").Length", "Facts.Fact.Get(\"ırmak\").Kind", "Facts.Fact.I.Kind",
            "Facts.Fact.Get(\"ırmak\").Zoned.ToString(\"yyyy-MM-dd\", System.Globalization.CultureInfo.InvariantCulture)",
            "Facts.Fact.Get(\"ırmak\").Clock.ToString(\"HH:mm\", System.Globalization.CultureInfo.InvariantCulture)",
            "Facts.Fact.Get(\"ırmak\").Short.Year", "Facts.Fact.Get(\"ırmak\").Plain.Ticks", "Facts.Fact.Get(\"ırmak\").Plain.Kind",
            "Facts.Page.Get(\"ırmak\").Html", "string.Join(\",\", System.Linq.Enumerable.Select(Facts.Page.Get(\"ırmak\").Toc, h => h.Id))", "Facts.Page.Get(\"ırmak\").Words");
        return (sources, string.Join("|", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("tr-TR", "Europe/Istanbul")]
    [InlineData("de-DE", "America/St_Johns")]
    [InlineData("ar-SA", "Asia/Kathmandu")]
    [InlineData("", "Pacific/Kiritimati")]
    public void Generated_sources_are_byte_identical_under_any_culture_and_time_zone(string culture, string timeZone)
    {
        var baseline = WithCultureAndTimeZone(CultureInfo.InvariantCulture, "UTC", GenerateAll);
        var other = WithCultureAndTimeZone(new CultureInfo(culture), timeZone, GenerateAll);
        Assert.Equal(baseline.Sources, other.Sources);
        Assert.Equal(baseline.Values, other.Values);

        // 2022-03-27 02:30 without an offset is UTC, whatever the machine's zone (a DST gap in Europe); a format's date
        // and clock are taken as written, never through the machine's zone; 'yy' reads 35 as 2035 on every host.
        Assert.Equal(
            $"{new DateTime(2022, 3, 27, 2, 30, 0).Ticks}|Utc|{new DateTime(2022, 10, 30, 1, 30, 0).Ticks}|01:00:00|True|True|01:30:00|Information|Istanbul"
            + $"|2024-03-10|23:30|2035|{new DateTime(2022, 3, 27, 2, 30, 0).Ticks}|Utc"
            // Markdig's ids fold to ASCII by a fixed table (ı has no ASCII letter and is dropped), never by the culture.
            + "|<h1 id=\"istanbul-irmak-rmak\">İstanbul IRMAK ırmak</h1>\n<h2 id=\"uber-strae-1.2345\">Über Straße 1.234,5</h2>\n"
            + "<p>İİ ıı 東京 <a href=\"/p/%C4%B1rmak#uber-strae-1.2345\">back</a>.</p>\n|istanbul-irmak-rmak,uber-strae-1.2345|11",
            other.Values);
    }

    private static T WithCultureAndTimeZone<T>(CultureInfo culture, string timeZone, Func<T> action)
    {
        var (culture0, uiCulture0, tz0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, Environment.GetEnvironmentVariable("TZ"));
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            Environment.SetEnvironmentVariable("TZ", timeZone);
            TimeZoneInfo.ClearCachedData();
            Assert.Equal(timeZone, TimeZoneInfo.Local.Id);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
            Environment.SetEnvironmentVariable("TZ", tz0);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
