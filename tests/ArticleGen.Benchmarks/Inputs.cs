using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ArticleGen.Benchmarks;

/// <summary>
/// N articles made from the real corpus's news items (../shared/corpus/powerapps/_news), each under a unique file
/// name, and a consumer compilation declaring the real schema, all in memory.
/// </summary>
internal sealed class Inputs
{
    public const string ProjectDirectory = "/bench/";

    /// <param name="count">How many articles.</param>
    /// <param name="schemaSource">The collections' declarations; the real corpus's schema (<c>PowerAppsSchemas</c>) when null.</param>
    public Inputs(int count, string? schemaSource = null)
    {
        var news = Directory.GetFiles(NewsFolder(), "*.md").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        if (news.Length == 0)
        {
            throw new InvalidOperationException($"The corpus is absent: {NewsFolder()} holds no article (the benchmarks need ../shared beside the checkout).");
        }

        Articles = Enumerable.Range(0, count)
            .Select(i => (Path: $"{ProjectDirectory}content/_news/{Path.GetFileNameWithoutExtension(news[i % news.Length])}-{i:00000}.md", Text: File.ReadAllText(news[i % news.Length])))
            .ToArray();
        Texts = Articles.Select(a => (AdditionalText)new MemoryText(a.Path, a.Text)).ToImmutableArray();
        Compilation = CSharpCompilation.Create(
            "Consumer",
            [
                CSharpSyntaxTree.ParseText(schemaSource ?? Tests.RealData.PowerAppsSchemas.Source, Parse, ProjectDirectory + "Schemas.cs"),
                CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using ArticleGen;", Parse, ProjectDirectory + "Usings.cs"),
            ],
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static CSharpParseOptions Parse { get; } = new(LanguageVersion.CSharp12);

    public (string Path, string Text)[] Articles { get; }

    public ImmutableArray<AdditionalText> Texts { get; }

    public CSharpCompilation Compilation { get; }

    public AnalyzerConfigOptionsProvider Options { get; } = new ProjectOptions();

    public GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ArticleCollectionGenerator().AsSourceGenerator()], Texts, Parse, Options,
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static string NewsFolder([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "shared", "corpus", "powerapps", "_news"));

    public sealed class MemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class ProjectOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new() { ["build_property.ProjectDir"] = ProjectDirectory });

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values([]);

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
