using ArticleGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ArticleGen.Tests;

/// <summary>Contract §7: a collection that declares no front-matter property gets the schema a careful person would write, from every file.</summary>
public sealed class InferredSchemasTests
{
    private static GeneratorRun Infer(params (string Path, string Text)[] articles)
    {
        var project = new TestProject().WithSource("""
            namespace Site;

            [ArticleCollection("posts/*.md")]
            public sealed partial record Post;
            """);
        foreach (var (path, text) in articles)
        {
            project.WithArticle(path, text);
        }

        return project.Run();
    }

    /// <summary>The inferred declarations, one a line, as the generated half of the type writes them.</summary>
    private static string[] Declarations(GeneratorRun run) =>
        run.GeneratedSource("Site.Post.Schema.g.cs").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("public ", StringComparison.Ordinal))
            .ToArray();

    [Fact]
    public void A_key_in_every_file_is_required_one_missing_somewhere_is_nullable_and_a_list_defaults_to_empty()
    {
        var run = Infer(
            ("posts/a.md", "---\ntitle: A\ndraft: true\nviews: 12\ntags: [x, y]\n---\n"),
            ("posts/b.md", "---\ntitle: B\nviews: 3000000000\n---\n"),
            ("posts/c.md", "---\ntitle: C\nviews: ~\n---\n"))
            .AssertOnlyArticleDiagnostics("ART022")
            .AssertCompilesWithoutWarnings();
        Assert.Equal(
            [
                "public required string Title { get; init; }",
                "public bool? Draft { get; init; }",
                "public long? Views { get; init; }",
                "public global::System.Collections.Generic.IReadOnlyList<string> Tags { get; init; } = global::System.Array.Empty<string>();",
            ],
            Declarations(run));
        var values = run.Evaluate("Site.Post.A.Draft", "Site.Post.B.Views", "Site.Post.C.Views", "Site.Post.B.Tags.Count", "string.Join(',', Site.Post.A.Tags)");
        Assert.Equal([true, 3000000000L, null, 0, "x,y"], values);
    }

    [Fact]
    public void A_scalar_in_one_file_and_a_list_in_another_is_a_list_and_numbers_widen()
    {
        var run = Infer(
            ("posts/a.md", "---\nauthor: ann\nscore: 1\nratio: 2\n---\n"),
            ("posts/b.md", "---\nauthor: [bob, cy]\nscore: 2.5\nratio: 3\n---\n"))
            .AssertOnlyArticleDiagnostics("ART022")
            .AssertCompilesWithoutWarnings();
        Assert.Equal(
            [
                "public required global::System.Collections.Generic.IReadOnlyList<string> Author { get; init; }",
                "public required double Score { get; init; }",
                "public required int Ratio { get; init; }",
            ],
            Declarations(run));
        Assert.Equal(["ann", "bob|cy", 1.0], run.Evaluate("string.Join('|', Site.Post.A.Author)", "string.Join('|', Site.Post.B.Author)", "Site.Post.A.Score"));
    }

    [Fact]
    public void Nested_mappings_at_depth_and_lists_of_mappings_become_records_named_after_the_collection_and_the_key()
    {
        var run = Infer(
            ("posts/a.md", "---\nprovider:\n  name: BBC\n  logo:\n    url: /a.png\n    width: 10\nimages:\n  - src: /1.png\n    alt: one\n  - src: /2.png\n---\n"),
            ("posts/b.md", "---\nprovider:\n  name: CNN\n---\n"))
            .AssertOnlyArticleDiagnostics("ART022")
            .AssertCompilesWithoutWarnings();
        var source = run.GeneratedSource("Site.Post.Schema.g.cs");
        Assert.Contains("public required global::Site.PostProvider Provider { get; init; }", source);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<global::Site.PostImagesItem> Images { get; init; }", source);
        Assert.Contains("public sealed record PostProvider", source);
        Assert.Contains("public global::Site.PostProviderLogo? Logo { get; init; }", source); // only one file has it
        Assert.Contains("public required string Src { get; init; }", source); // every image has it
        Assert.Contains("public string? Alt { get; init; }", source);   // one has not
        Assert.Equal(["BBC", 10, null, "/2.png"], run.Evaluate("Site.Post.A.Provider.Name", "Site.Post.A.Provider.Logo!.Width", "Site.Post.B.Provider.Logo", "Site.Post.A.Images[1].Src"));
    }

    [Fact]
    public void Dates_are_only_contract_2s_forms_and_enum_names_codes_and_versions_stay_text()
    {
        var run = Infer(
            ("posts/a.md", "---\ndate: 2024-05-09 10:30:00 +0000\nus: 01/10/2024\nstatus: draft\nzip: 007\nversion: 1.10\nquoted: \"42\"\n---\n"),
            ("posts/b.md", "---\ndate: 2024-06-01\nus: 02/11/2024\nstatus: published\nzip: 123\nversion: 2.0\nquoted: \"7\"\n---\n"))
            .AssertOnlyArticleDiagnostics("ART022")
            .AssertCompilesWithoutWarnings();
        Assert.Equal(
            [
                "public required global::System.DateTimeOffset Date { get; init; }",
                "public required string Us { get; init; }",
                "public required string Status { get; init; }",
                "public required string Zip { get; init; }",
                "public required string Version { get; init; }",
                "public required string Quoted { get; init; }",
            ],
            Declarations(run));
        Assert.Equal(["007", "1.10"], run.Evaluate("Site.Post.A.Zip", "Site.Post.A.Version"));
    }

    [Fact]
    public void Keys_become_names_by_the_entry_name_rule_and_keep_their_key_where_the_name_would_not_bind_back()
    {
        var run = Infer(("posts/a.md", "---\nog:image: /a.png\npublished-at: 2024-01-02\nms.date: x\nslug: first\nid: 7\n---\n"))
            .AssertOnlyArticleDiagnostics("ART022")
            .AssertCompilesWithoutWarnings();
        var declarations = Declarations(run);
        Assert.Contains("public required string OgImage { get; init; }", declarations);
        Assert.Contains("public required global::System.DateTimeOffset PublishedAt { get; init; }", declarations);
        Assert.Contains("public required string MsDate { get; init; }", declarations);
        Assert.Contains("public required int Id_2 { get; init; }", declarations); // Id is the entry's own
        Assert.DoesNotContain(declarations, d => d.Contains(" Slug ", StringComparison.Ordinal)); // the slug is the entry's slug
        Assert.Equal(["/a.png", 7, "first"], run.Evaluate("Site.Post.First.OgImage", "Site.Post.First.Id_2", "Site.Post.First.Slug"));
    }

    [Fact]
    public void ART022_says_at_the_declaration_that_the_schema_is_inferred_and_how_many_properties_it_has()
    {
        var run = Infer(("posts/a.md", "---\ntitle: A\ntags: [x]\n---\n"), ("posts/b.md", "---\ntitle: B\n---\n"));
        var notice = DiagnosticAssert.Single(run.AnalyzerDiagnostics, "ART022");
        Assert.Equal(DiagnosticSeverity.Info, notice.Severity);
        Assert.Equal("Post declares no front-matter property: its 2 properties are inferred from its files; 'Write the inferred schema' writes them into the declaration", DiagnosticAssert.Message(notice));
        Assert.EndsWith("Collections.cs", notice.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(3, notice.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Files_that_share_a_shape_count_each_so_a_key_in_every_file_stays_required()
    {
        // Two files of one shape and one of another: merged as two shapes, counted as three files.
        var run = Infer(
            ("posts/a.md", "---\ntitle: A\nprovider: {name: x}\nimages: [{url: a}]\n---\n"),
            ("posts/b.md", "---\ntitle: B\nprovider: {name: y}\nimages: [{url: b}]\n---\n"),
            ("posts/c.md", "---\ntitle: C\nprovider: {name: z, site: s}\nimages: [{url: c, width: 3}]\n---\n"))
            .AssertOnlyArticleDiagnostics("ART022")
            .AssertCompilesWithoutWarnings();
        Assert.Equal(
            [
                "public required string Title { get; init; }",
                "public required global::Site.PostProvider Provider { get; init; }",
                "public required global::System.Collections.Generic.IReadOnlyList<global::Site.PostImagesItem> Images { get; init; }",
                "public sealed record PostImagesItem",
                "public required string Url { get; init; }",
                "public int? Width { get; init; }",
                "public sealed record PostProvider",
                "public required string Name { get; init; }",
                "public string? Site { get; init; }",
            ],
            Declarations(run));
    }

    [Fact]
    public void The_analyzer_on_its_own_binds_to_the_inferred_schema_and_finds_what_the_generator_found()
    {
        // Without the generator's findings the analyzer infers the schema itself and binds every file to it: to the
        // declared one (no property) every key would be ART006.
        var project = new TestProject()
            .WithSource("namespace Site;\n\n[ArticleCollection(\"posts/*.md\")]\npublic sealed partial record Post;\n")
            .WithArticle("posts/a.md", "---\ntitle: A\nmeta: {size: 1}\n---\n")
            .WithArticle("posts/b.md", "---\ntitle: B\nmeta: text\ntitle: again\n---\n")
            .WithArticle("posts/c.md", "---\ntitle: C\nslug: a\n---\n");
        var run = project.Run();
        var byItself = project.AnalyzeWithoutFindings(run);

        static List<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();

        var fromFindings = Describe(run.AnalyzerDiagnostics);
        Assert.Equal(fromFindings, Describe(byItself));
        Assert.Equal(["ART005", "ART007", "ART008", "ART022"], run.AnalyzerDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_declared_property_turns_inference_off()
    {
        var run = new TestProject()
            .WithSource("[ArticleCollection(\"posts/*.md\")] public sealed partial record Post { public string? Title { get; init; } }")
            .WithArticle("posts/a.md", "---\ntitle: A\nother: 1\n---\n")
            .Run();
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.EndsWith(".Schema.g.cs", StringComparison.Ordinal));
        Assert.Equal("ART006", Assert.Single(run.ArticleDiagnostics).Id);
    }
}
