namespace ArticleGen.Tests.RealData;

/// <summary>
/// Collection declarations for the eight Markdown folders of the real corpus (<c>../shared/corpus/powerapps</c>),
/// copied under a virtual <c>content/</c> folder. Every type was chosen from a scan of every file, so that all
/// 1,449 articles bind with no diagnostic at all.
/// </summary>
internal static class PowerAppsSchemas
{
    /// <summary>The C# source of the eight collections (namespace <c>PowerApps</c>), fully XML-documented.</summary>
    public const string Source = """
        namespace PowerApps;

        /// <summary>A news item (content/_news).</summary>
        [ArticleCollection("content/_news/*.md")]
        public sealed partial record NewsItem
        {
            /// <summary>The headline.</summary>
            public required string Title { get; init; }

            /// <summary>The first lines of the article.</summary>
            public string? Excerpt { get; init; }

            /// <summary>When it was published.</summary>
            public required DateTimeOffset PublishedDateTime { get; init; }

            /// <summary>The site's category (always <c>news</c> in the corpus).</summary>
            public string? Category { get; init; }

            /// <summary>Article or video.</summary>
            public required ItemType Type { get; init; }

            /// <summary>Where the item was first published.</summary>
            public required Uri OriginalUrl { get; init; }

            /// <summary>Where to read it (absent in a few items).</summary>
            public Uri? WebUrl { get; init; }

            /// <summary>The AMP page.</summary>
            public Uri? AmpWebUrl { get; init; }

            /// <summary>The AMP page on a CDN.</summary>
            public Uri? CdnAmpWebUrl { get; init; }

            /// <summary>An editorial quality score.</summary>
            public int Quality { get; init; }

            /// <summary>How much attention the item gets.</summary>
            public int Heat { get; init; }

            /// <summary>Whether the item is shown on the site.</summary>
            public bool Published { get; init; }

            /// <summary>An embedded player, as HTML.</summary>
            public string? FeaturedContent { get; init; }

            /// <summary>Who published it.</summary>
            public required Provider Provider { get; init; }

            /// <summary>What it is about.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>Its pictures.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];

            /// <summary>An opaque token of the site's.</summary>
            public string? Secured { get; init; }
        }

        /// <summary>Something to learn from that a learning path can list.</summary>
        public interface ILearningItem
        {
            /// <summary>The title.</summary>
            string Title { get; }
        }

        /// <summary>A video (content/_learning/videos).</summary>
        [ArticleCollection("content/_learning/videos/*.md")]
        public sealed partial record Video : ILearningItem
        {
            /// <summary>The title.</summary>
            public required string Title { get; init; }

            /// <summary>The description's first lines.</summary>
            public string? Excerpt { get; init; }

            /// <summary>Always <c>video</c>.</summary>
            public required ItemType Type { get; init; }

            /// <summary>Where the video is.</summary>
            public required Uri OriginalUrl { get; init; }

            /// <summary>Another address (one video has it).</summary>
            public Uri? WebUrl { get; init; }

            /// <summary>What it costs (<c>Free</c>).</summary>
            public string? Price { get; init; }

            /// <summary>How long it runs (ISO 8601 duration).</summary>
            public TimeSpan? Length { get; init; }

            /// <summary>When it was published.</summary>
            public required DateTimeOffset PublishedDateTime { get; init; }

            /// <summary>How much attention it gets.</summary>
            public int Heat { get; init; }

            /// <summary>Whether it was taken down.</summary>
            public bool Removed { get; init; }

            /// <summary>Whether it is shown; only a few videos say (<c>false</c>), so absent means unknown.</summary>
            public bool? Published { get; init; }

            /// <summary>The embedded player, as HTML.</summary>
            public string? FeaturedContent { get; init; }

            /// <summary>The channel.</summary>
            public required Provider Provider { get; init; }

            /// <summary>What it is about.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>Its thumbnails.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];

            /// <summary>An opaque token of the site's.</summary>
            public string? Secured { get; init; }
        }

        /// <summary>An online course (content/_learning/courses).</summary>
        [ArticleCollection("content/_learning/courses/*.md")]
        public sealed partial record Course : ILearningItem
        {
            /// <summary>The title.</summary>
            public required string Title { get; init; }

            /// <summary>The description's first lines.</summary>
            public string? Excerpt { get; init; }

            /// <summary>Where the course is.</summary>
            public required Uri WebUrl { get; init; }

            /// <summary>Always <c>course</c>.</summary>
            public required ItemType Type { get; init; }

            /// <summary>What it costs (<c>Free</c>).</summary>
            public string? Price { get; init; }

            /// <summary>How long it takes (ISO 8601 duration; one course says <c>P1M</c>, a month).</summary>
            public TimeSpan? Length { get; init; }

            /// <summary>What learners think of it (absent in one course).</summary>
            public Ratings? Ratings { get; init; }

            /// <summary>How much attention it gets.</summary>
            public int Heat { get; init; }

            /// <summary>Who offers it.</summary>
            public required Provider Provider { get; init; }

            /// <summary>Its levels.</summary>
            public IReadOnlyList<Level> Levels { get; init; } = [];

            /// <summary>What it is about.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>Its pictures.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];

            /// <summary>An opaque token of the site's.</summary>
            public string? Secured { get; init; }
        }

        /// <summary>A learning path: courses and videos in order (content/_learning/collections).</summary>
        [ArticleCollection("content/_learning/collections/*.md")]
        public sealed partial record LearningPath
        {
            /// <summary>The title.</summary>
            public required string Title { get; init; }

            /// <summary>The description (empty in a few paths).</summary>
            public string? Excerpt { get; init; }

            /// <summary>Always <c>collection</c>.</summary>
            public required ItemType Type { get; init; }

            /// <summary>How much attention it gets.</summary>
            public int Heat { get; init; }

            /// <summary>Who made it.</summary>
            public required Provider Provider { get; init; }

            /// <summary>The courses and videos, in order (a reference names <c>courses/…</c> or <c>videos/…</c>).</summary>
            public IReadOnlyList<ILearningItem> Items { get; init; } = [];

            /// <summary>How long the whole path takes.</summary>
            public TimeSpan? Length { get; init; }

            /// <summary>Its levels.</summary>
            public IReadOnlyList<Level> Levels { get; init; } = [];

            /// <summary>What it costs.</summary>
            public string? Price { get; init; }

            /// <summary>Whether it is shown; only a few paths say (<c>false</c>), so absent means unknown.</summary>
            public bool? Published { get; init; }

            /// <summary>Whether it was taken down.</summary>
            public bool Removed { get; init; }

            /// <summary>What it is about.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>Its pictures.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];

            /// <summary>An opaque token of the site's.</summary>
            public string? Secured { get; init; }
        }

        /// <summary>A downloadable sample app (content/_samples).</summary>
        [ArticleCollection("content/_samples/*.md")]
        public sealed partial record Sample
        {
            /// <summary>The title.</summary>
            public required string Title { get; init; }

            /// <summary>The description's first lines.</summary>
            public string? Excerpt { get; init; }

            /// <summary>The forum post.</summary>
            public required Uri OriginalUrl { get; init; }

            /// <summary>Always <c>download</c>.</summary>
            public required ItemType Type { get; init; }

            /// <summary>When it was posted.</summary>
            public required DateTimeOffset PublishedDateTime { get; init; }

            /// <summary>How much attention it gets.</summary>
            public int Heat { get; init; }

            /// <summary>What one can do with it (download links).</summary>
            public IReadOnlyList<SampleAction> Actions { get; init; } = [];

            /// <summary>Who shares it, with its authors.</summary>
            public required Provider Provider { get; init; }

            /// <summary>What it is about.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>Its screenshots.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];

            /// <summary>An opaque token of the site's.</summary>
            public string? Secured { get; init; }
        }

        /// <summary>An organization (content/_data/organizations).</summary>
        [ArticleCollection("content/_data/organizations/*.md")]
        public sealed partial record Organization
        {
            /// <summary>Always <c>organization</c>.</summary>
            public string? Taxonomy { get; init; }

            /// <summary>The site's key for it (its domain).</summary>
            [ArticleField("_id")]
            public required string OrgId { get; init; }

            /// <summary>Its name.</summary>
            public required string Name { get; init; }

            /// <summary>Its web domain.</summary>
            public required string Domain { get; init; }

            /// <summary>What it is (some organizations have it).</summary>
            public string? Description { get; init; }

            /// <summary>Other names it goes by.</summary>
            public IReadOnlyList<string> OtherNames { get; init; } = [];

            /// <summary>Its logos.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];
        }

        /// <summary>A person (content/_people).</summary>
        [ArticleCollection("content/_people/*.md")]
        public sealed partial record Person
        {
            /// <summary>The person's name.</summary>
            public required string Name { get; init; }

            /// <summary>A short biography.</summary>
            public string? Bio { get; init; }

            /// <summary>Where they live.</summary>
            public string? Location { get; init; }

            /// <summary>Always <c>profile</c>.</summary>
            public required ItemType Type { get; init; }

            /// <summary>How much attention they get.</summary>
            public int Heat { get; init; }

            /// <summary>Their employer (some people have one).</summary>
            public Provider? Affiliation { get; init; }

            /// <summary>Their web site (a short link).</summary>
            public Uri? Website { get; init; }

            /// <summary>Their Twitter account.</summary>
            public TwitterAccount? Twitter { get; init; }

            /// <summary>Their LinkedIn profile.</summary>
            public LinkedInProfile? LinkedIn { get; init; }

            /// <summary>What they work on.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>Their pictures.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];

            /// <summary>An opaque token of the site's.</summary>
            public string? Secured { get; init; }
        }

        /// <summary>A community: a forum or a group (content/_communities).</summary>
        [ArticleCollection("content/_communities/*.md")]
        public sealed partial record Community
        {
            /// <summary>Its name.</summary>
            public required string Name { get; init; }

            /// <summary>What it is.</summary>
            public string? Excerpt { get; init; }

            /// <summary>Where it started.</summary>
            public required Uri OriginalUrl { get; init; }

            /// <summary>Where it is.</summary>
            public required Uri WebUrl { get; init; }

            /// <summary>Always <c>forum</c>.</summary>
            public required ItemType Type { get; init; }

            /// <summary>How many members it has.</summary>
            public int Members { get; init; }

            /// <summary>How much attention it gets.</summary>
            public int Heat { get; init; }

            /// <summary>Who hosts it.</summary>
            public required Provider Provider { get; init; }

            /// <summary>What it is about.</summary>
            public IReadOnlyList<string> Topics { get; init; } = [];

            /// <summary>Its pictures.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];
        }

        /// <summary>The kind of an item, the site's <c>type</c> key (each collection uses one or two of them).</summary>
        public enum ItemType
        {
            /// <summary>A news article.</summary>
            Article,

            /// <summary>A video.</summary>
            Video,

            /// <summary>A course.</summary>
            Course,

            /// <summary>A learning path.</summary>
            Collection,

            /// <summary>A downloadable sample.</summary>
            Download,

            /// <summary>A person's profile.</summary>
            Profile,

            /// <summary>A forum or group.</summary>
            Forum,
        }

        /// <summary>How advanced a course or learning path is.</summary>
        public enum Level
        {
            /// <summary>For newcomers.</summary>
            Beginner,

            /// <summary>For those who know the basics.</summary>
            Intermediate,

            /// <summary>For experts.</summary>
            Advanced,
        }

        /// <summary>A publisher, channel, host or employer.</summary>
        public sealed record Provider
        {
            /// <summary>Its name.</summary>
            public required string Name { get; init; }

            /// <summary>Its web domain.</summary>
            public string? Domain { get; init; }

            /// <summary>Its logos.</summary>
            public IReadOnlyList<Image> Images { get; init; } = [];

            /// <summary>The people behind the item (samples only).</summary>
            public IReadOnlyList<Author> Authors { get; init; } = [];
        }

        /// <summary>An author of a sample.</summary>
        public sealed record Author
        {
            /// <summary>The author's user name.</summary>
            public required string Name { get; init; }
        }

        /// <summary>An image and its size in pixels.</summary>
        public sealed record Image
        {
            /// <summary>Where it is (absolute, or relative to the site such as <c>/assets/…</c>).</summary>
            public required Uri Url { get; init; }

            /// <summary>Width in pixels.</summary>
            public int Width { get; init; }

            /// <summary>Height in pixels.</summary>
            public int Height { get; init; }

            /// <summary>Whether the site keeps a copy.</summary>
            public bool IsCached { get; init; }

            /// <summary>Its caption (people's pictures only).</summary>
            public string? Title { get; init; }
        }

        /// <summary>Learners' ratings of a course.</summary>
        public sealed record Ratings
        {
            /// <summary>How many learners rated it.</summary>
            [ArticleField("count")]
            public int RatingCount { get; init; }

            /// <summary>The average rating, out of 5.</summary>
            public double Average { get; init; }
        }

        /// <summary>Something to do with a sample.</summary>
        public sealed record SampleAction
        {
            /// <summary>The link.</summary>
            public required Uri Url { get; init; }

            /// <summary>The kind of action (<c>download</c>).</summary>
            public string? Type { get; init; }

            /// <summary>The link's text.</summary>
            public string? Title { get; init; }

            /// <summary>Who to credit.</summary>
            public string? Attribution { get; init; }
        }

        /// <summary>A Twitter account.</summary>
        public sealed record TwitterAccount
        {
            /// <summary>The handle, without <c>@</c>.</summary>
            public required string Username { get; init; }

            /// <summary>The profile page.</summary>
            public Uri? Url { get; init; }

            /// <summary>How many followers it had.</summary>
            public int Followers { get; init; }
        }

        /// <summary>A LinkedIn profile.</summary>
        public sealed record LinkedInProfile
        {
            /// <summary>The profile page.</summary>
            public required Uri Url { get; init; }
        }
        """;

    /// <summary>How many Markdown files each collection's glob matches in the corpus.</summary>
    public static readonly IReadOnlyDictionary<string, int> ExpectedCounts = new Dictionary<string, int>
    {
        ["content/_news/*.md"] = 674,
        ["content/_learning/videos/*.md"] = 441,
        ["content/_learning/courses/*.md"] = 94,
        ["content/_learning/collections/*.md"] = 41,
        ["content/_samples/*.md"] = 118,
        ["content/_data/organizations/*.md"] = 70,
        ["content/_people/*.md"] = 6,
        ["content/_communities/*.md"] = 5,
    };

    /// <summary>The number of <c>items</c> entries across all learning paths (102 courses, 136 videos; some repeat).</summary>
    public const int LearningPathItemCount = 238;
}
