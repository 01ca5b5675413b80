namespace ArticleGen.Tests.Infrastructure;

/// <summary>Collection declarations the tests share.</summary>
internal static class Schemas
{
    /// <summary>The contract's own example (§2), with a nested provider and a list of images.</summary>
    public const string News = """
        namespace Blog;

        [ArticleCollection("content/news/*.md")]
        public sealed partial record NewsArticle
        {
            public required string Title { get; init; }
            public string? Excerpt { get; init; }
            public required DateTimeOffset PublishedDateTime { get; init; }
            public Category Category { get; init; }
            public int Quality { get; init; }
            public int Heat { get; init; }
            public bool Published { get; init; }
            public IReadOnlyList<string> Topics { get; init; } = [];
            public Provider? Provider { get; init; }
            public IReadOnlyList<Image> Images { get; init; } = [];
        }

        public enum Category { News, Video, Course }

        public sealed record Provider
        {
            public required string Name { get; init; }
            public string? Domain { get; init; }
            public IReadOnlyList<Image> Images { get; init; } = [];
        }

        public sealed record Image
        {
            public required string Url { get; init; }
            public int Width { get; init; }
            public int Height { get; init; }
        }
        """;
}
