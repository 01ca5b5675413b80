using ArticleGen;

namespace ArticleGen.Sample;

/// <summary>A news item: every file in content/ is one, checked against these properties at compile time.</summary>
[ArticleCollection("content/*.md")]
public sealed partial record NewsArticle
{
    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>The first lines of the article.</summary>
    public string? Excerpt { get; init; }

    /// <summary>When the article was published.</summary>
    public required DateTimeOffset PublishedDateTime { get; init; }

    /// <summary>What kind of item this is.</summary>
    public Category Category { get; init; }

    /// <summary>The kind of page the item links to.</summary>
    public string? Type { get; init; }

    /// <summary>Where the article was first published.</summary>
    public Uri? OriginalUrl { get; init; }

    /// <summary>Where to read it.</summary>
    public Uri? WebUrl { get; init; }

    /// <summary>An editorial quality score.</summary>
    public int Quality { get; init; }

    /// <summary>How much attention the item gets; may be negative.</summary>
    public int Heat { get; init; }

    /// <summary>Whether the item is shown on the site.</summary>
    public bool Published { get; init; }

    /// <summary>Who published it.</summary>
    public Provider? Provider { get; init; }

    /// <summary>What the article is about.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Images of the article.</summary>
    public IReadOnlyList<Image> Images { get; init; } = [];

    /// <summary>Other coverage of the same story.</summary>
    public IReadOnlyList<RelatedArticle> Related { get; init; } = [];

    /// <summary>An opaque token of the site's.</summary>
    public string? Secured { get; init; }
}

/// <summary>The kinds of item.</summary>
public enum Category
{
    /// <summary>A news item.</summary>
    News,

    /// <summary>A video.</summary>
    Video,

    /// <summary>A course.</summary>
    Course,
}

/// <summary>A publisher.</summary>
public sealed record Provider
{
    /// <summary>The publisher's name.</summary>
    public required string Name { get; init; }

    /// <summary>The publisher's web domain.</summary>
    public string? Domain { get; init; }

    /// <summary>The publisher's logos.</summary>
    public IReadOnlyList<Image> Images { get; init; } = [];
}

/// <summary>An image and its size in pixels.</summary>
public sealed record Image
{
    /// <summary>Where the image is.</summary>
    public required Uri Url { get; init; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; init; }

    /// <summary>Whether the site keeps a copy.</summary>
    public bool IsCached { get; init; }
}

/// <summary>Another article about the same story.</summary>
public sealed record RelatedArticle
{
    /// <summary>The headline.</summary>
    public required string Title { get; init; }

    /// <summary>The first lines.</summary>
    public string? Excerpt { get; init; }

    /// <summary>When it was published.</summary>
    public DateTimeOffset? PublishedDateTime { get; init; }

    /// <summary>Where to read it.</summary>
    public Uri? WebUrl { get; init; }

    /// <summary>The AMP page.</summary>
    public Uri? AmpWebUrl { get; init; }

    /// <summary>The AMP page on a CDN.</summary>
    public Uri? CdnAmpWebUrl { get; init; }

    /// <summary>The kind of page.</summary>
    public string? Type { get; init; }

    /// <summary>Who published it.</summary>
    public Provider? Provider { get; init; }

    /// <summary>An editorial quality score.</summary>
    public int Quality { get; init; }

    /// <summary>Images of the article.</summary>
    public IReadOnlyList<Image> Images { get; init; } = [];
}
