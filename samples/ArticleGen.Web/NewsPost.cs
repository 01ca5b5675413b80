using ArticleGen;

namespace ArticleGen.Web;

/// <summary>
/// A news post of ruby-lang.org: every file in content/news is one, checked at compile time, its Markdown rendered at
/// compile time too (the app has no Markdown code), and every link between posts checked by the build.
/// </summary>
[ArticleCollection("content/news/*.md", Url = "/news/{slug}")]
public sealed partial record NewsPost
{
    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>Who wrote it (a ruby-lang.org account name, or a group such as "Fukuoka Ruby").</summary>
    public string? Author { get; init; }

    /// <summary>Who translated it, for the translated editions (empty in the English posts).</summary>
    public string? Translator { get; init; }

    /// <summary>When it was published.</summary>
    public required DateTimeOffset Date { get; init; }

    /// <summary>The language of the post.</summary>
    public required string Lang { get; init; }

    /// <summary>The Jekyll layout the site renders it with.</summary>
    public string? Layout { get; init; }

    /// <summary>Its tags (the site's posts have one at most: <c>security</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The post's text as HTML, rendered by the build.</summary>
    [ArticleBody(ArticleBodyPart.Html)]
    public string Html { get; init; } = "";

    /// <summary>The first paragraph as HTML, for the lists of posts.</summary>
    [ArticleBody(ArticleBodyPart.Excerpt)]
    public string Summary { get; init; } = "";

    /// <summary>The post's headings, for its table of contents.</summary>
    [ArticleBody(ArticleBodyPart.Headings)]
    public IReadOnlyList<ArticleHeading> Toc { get; init; } = [];

    /// <summary>How long it takes to read.</summary>
    [ArticleBody(ArticleBodyPart.ReadingTime)]
    public TimeSpan ReadingTime { get; init; }
}
