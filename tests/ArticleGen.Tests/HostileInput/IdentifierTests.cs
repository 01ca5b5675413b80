using ArticleGen.Tests.Infrastructure;
using Xunit;

namespace ArticleGen.Tests.HostileInput;

/// <summary>Any file name gives a valid, unique, deterministic member name (docs/naming.md), and Get keeps the exact slug.</summary>
public sealed class IdentifierTests
{
    private static readonly string[] Slugs =
    [
        "class", "int", "2022-08-08-x", "_20220808-x", "a-b", "a_b", "A-B", "with space", "🙂", "emoji-🙂-name", "über", "ı", "x.y.z",
        "all", "count", "get", "try-get", "id", "slug", "body", "source-path", "equals", "to-string", "get-hash-code", "get-type",
        "reference-equals", "memberwise-clone", "equality-contract", "print-members", "deconstruct", "finalize", "item", "title",
        "type", "uri", "string", "__article-gen-store", "---", "9", "a\u200Db", "Ａ", "é",
    ];

    /// <summary>Properties named like BCL types: generated code names every type with global::, so they change nothing.</summary>
    private const string Schema = """
        namespace Hostile;

        /// <summary>An item.</summary>
        [ArticleCollection("content/*.md")]
        public sealed partial record Item
        {
            /// <summary>.</summary>
            public string? Title { get; init; }

            /// <summary>.</summary>
            public string? Type { get; init; }

            /// <summary>.</summary>
            public Uri? Uri { get; init; }

            /// <summary>.</summary>
            public string? String { get; init; }

            /// <summary>.</summary>
            public IReadOnlyList<Item> Related { get; init; } = [];
        }
        """;

    /// <summary>
    /// Member names skip Roslyn's keyword lookup for a name that starts with neither a lower-case ASCII letter nor '_'
    /// (MemberNames.IsKeyword): that holds only while every keyword, contextual ones too, starts with one of those.
    /// </summary>
    [Fact]
    public void Every_CSharp_keyword_starts_with_a_lower_case_letter_or_an_underscore()
    {
        var keywords = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKinds()
            .Concat(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetContextualKeywordKinds())
            .Select(Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetText)
            .ToList();

        Assert.Contains("class", keywords);
        Assert.Contains("__arglist", keywords);
        Assert.All(keywords, keyword => Assert.True(keyword[0] is (>= 'a' and <= 'z') or '_', keyword));
    }

    [Fact]
    public void Every_slug_gets_a_valid_unique_member_and_Get_finds_it_by_the_exact_slug()
    {
        var project = new TestProject().WithDocumentationFile().WithSource(Schema);
        foreach (var slug in Slugs)
        {
            project.WithArticle($"content/{slug}.md", $"---\ntitle: {slug.Length}\ntype: t\nuri: /u\nstring: s\nrelated: [a-b]\n---\n");
        }

        var run = project.Run().AssertNoArticleDiagnostics().AssertCompilesWithoutWarnings();
        var source = run.GeneratedSource("Hostile.Item.Store.0.g.cs"); // 42 entries: one chunk
        var members = System.Text.RegularExpressions.Regex.Matches(source, @"public static global::Hostile\.Item (\S+) =>")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Slugs.Length, members.Count);
        Assert.Equal(members.Count, members.Distinct(StringComparer.Ordinal).Count());

        // Every slug finds its own entry, through Get and through its member.
        var checks = Slugs.Select(slug => $"Hostile.Item.Get({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(slug, true)}).Slug").ToArray();
        Assert.Equal(Slugs, run.Evaluate(checks).Cast<string>().ToArray());
        Assert.Equal(
            // Names are claimed in source-path order, ordinally: A-B.md, then a-b.md, then a_b.md.
            new object?[] { "class", "int", "2022-08-08-x", "_20220808-x", "A-B", "a-b", "a_b", "all", "title", "type", "item", "a-b" },
            run.Evaluate(
                "Hostile.Item.Class.Slug", "Hostile.Item.Int.Slug", "Hostile.Item._20220808X.Slug", "Hostile.Item._20220808X_2.Slug",
                "Hostile.Item.AB.Slug", "Hostile.Item.AB_2.Slug", "Hostile.Item.AB_3.Slug", "Hostile.Item.All_2.Slug", "Hostile.Item.Title_2.Slug",
                "Hostile.Item.Type_2.Slug", "Hostile.Item.Item_2.Slug", "Hostile.Item.Title_2.Related[0].Slug"));
    }

    [Theory]
    [MemberData(nameof(InputOrder.Names), MemberType = typeof(InputOrder))]
    public void Member_names_do_not_depend_on_the_order_of_the_files(string order)
    {
        static IReadOnlyList<(string HintName, string Text)> Generate(IEnumerable<string> slugs)
        {
            var project = new TestProject().WithSource(Schema);
            foreach (var slug in slugs)
            {
                project.WithArticle($"content/{slug}.md", "---\nrelated: [a-b]\n---\n");
            }

            return project.Run().GeneratedSources;
        }

        // The member names are in the chunk files, so every generated file is compared.
        InputOrder.AssertSameSources(Generate(Slugs), Generate(InputOrder.Apply(Slugs, order)), order);
    }

    [Theory]
    [InlineData("intro", "Intro")]
    [InlineData("2022-08-08-uk-watch", "_20220808UkWatch")]
    [InlineData("c#", "C")]
    [InlineData("with space", "WithSpace")]
    [InlineData("---", "_")]
    [InlineData("🙂", "_")]
    [InlineData("über-uns", "ÜberUns")]
    [InlineData("a\u200Db", "AB")]
    public void The_name_of_a_slug_follows_the_documented_rule(string slug, string expected) =>
        Assert.Equal(expected, ArticleGen.Model.MemberNames.FromSlug(slug));
}
