using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using YamlDotNet.Core;

namespace ArticleGen.Benchmarks;

/// <summary>
/// The generator and the analyzer against the floor: YamlDotNet's event parser over the same front matter and
/// nothing else. Every ratio is taken in one run, against that baseline.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Inputs _inputs = null!;
    private GeneratorDriver _warmDriver = null!;
    private Compilation _unrelatedEdit = null!;
    private Compilation _commentedSchema = null!;
    private Compilation _generated = null!;
    private Compilation _attributesOnly = null!;
    private bool _toggle;
    private AdditionalText _editedA = null!;
    private AdditionalText _editedB = null!;
    private AdditionalText _added = null!;
    private bool _isAdded;
    private GeneratorDriver _serverDriver = null!;
    private bool _serverToggle;

    [Params(1_000, 10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = new Inputs(Articles);
        _warmDriver = _inputs.CreateDriver().RunGeneratorsAndUpdateCompilation(_inputs.Compilation, out _generated, out _);
        var attributes = _generated.SyntaxTrees.Single(t => t.FilePath.EndsWith("ArticleGen.Attributes.g.cs", StringComparison.Ordinal));
        _attributesOnly = _inputs.Compilation.AddSyntaxTrees(attributes);
        _unrelatedEdit = _inputs.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int X => 1; }", Inputs.Parse));
        var schemaTree = _inputs.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("Schemas.cs", StringComparison.Ordinal));
        _commentedSchema = _inputs.Compilation.ReplaceSyntaxTree(schemaTree, schemaTree.WithChangedText(schemaTree.GetText().Replace(0, 0, "// A comment: every place in the file moves.\n")));
        var (path, text) = _inputs.Articles[Articles / 2];
        // A valid edit (an edit that breaks the article leaves it out and renumbers every entry after it).
        _editedA = new Inputs.MemoryText(path, text + "\nEdited.\n");
        _editedB = _inputs.Texts[Articles / 2];
        _added = new Inputs.MemoryText(path.Replace(".md", "-added.md"), text);
        _serverDriver = _inputs.CreateDriver().RunGenerators(_inputs.Compilation);
    }

    [Benchmark(Baseline = true, Description = "floor: YamlDotNet events")]
    public int YamlDotNetEvents() => CountEvents(_inputs);

    /// <summary>The floor: YamlDotNet's event parser over each article's front matter, nothing else.</summary>
    internal static int CountEvents(Inputs inputs)
    {
        var events = 0;
        foreach (var (_, text) in inputs.Articles)
        {
            var parser = new Parser(new StringReader(FrontMatterOf(text)));
            while (parser.MoveNext())
            {
                events++;
            }
        }

        return events;
    }

    /// <summary>The text between an article's fences.</summary>
    internal static string FrontMatterOf(string text)
    {
        var start = text.IndexOf('\n') + 1;
        var end = text.IndexOf("\n---", start, StringComparison.Ordinal);
        return text.Substring(start, end - start + 1);
    }

    [Benchmark(Description = "generator, cold")]
    public GeneratorDriver GeneratorCold() => _inputs.CreateDriver().RunGenerators(_inputs.Compilation);

    /// <summary>As in a build: over the compilation with the generated code, where the attributes exist.</summary>
    [Benchmark(Description = "analyzer, full")]
    public ImmutableArray<Diagnostic> AnalyzerFull() => _generated
        .WithAnalyzers([new ArticleMetadataAnalyzer()], new AnalyzerOptions(_inputs.Texts, _inputs.Options))
        .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>
    /// What Roslyn's analyzer driver costs any analyzer that registers the actions ArticleGen's registers (a symbol
    /// action on types, an action per additional file, a compilation end action), doing nothing in them, over the same
    /// compilation as "analyzer, full": the part of that figure that is the compiler's. A compilation end action makes
    /// the driver complete the compilation first (bind every declaration and body, the generated code's included),
    /// which a build does for its own compile anyway; with only the per-file action it is a few milliseconds.
    /// </summary>
    [Benchmark(Description = "an analyzer doing nothing, same actions and compilation")]
    public ImmutableArray<Diagnostic> IdleAnalyzer() => _generated
        .WithAnalyzers([new IdleAnalyzerWithArticleGensActions()], new AnalyzerOptions(_inputs.Texts, _inputs.Options))
        .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>
    /// The analyzer on its own: over a compilation with the attributes but not the catalogs or the generator's
    /// findings, so it parses and binds every article itself (what it does where no generator ran). In a build it
    /// reads the generator's findings instead ("analyzer, full").
    /// </summary>
    [Benchmark(Description = "analyzer, own work")]
    public ImmutableArray<Diagnostic> AnalyzerOwnWork() => _attributesOnly
        .WithAnalyzers([new ArticleMetadataAnalyzer()], new AnalyzerOptions(_inputs.Texts, _inputs.Options))
        .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "generator, one article edited")]
    public GeneratorDriver OneArticleEdited()
    {
        // Alternates between two texts of one article, so every run sees an edit.
        var (from, to) = _toggle ? (_editedA, _editedB) : (_editedB, _editedA);
        _toggle = !_toggle;
        _warmDriver = _warmDriver.ReplaceAdditionalText(from, to).RunGenerators(_inputs.Compilation);
        return _warmDriver;
    }

    [Benchmark(Description = "generator, unrelated C# edit")]
    public GeneratorDriver UnrelatedCSharpEdit()
    {
        _toggle = !_toggle;
        _warmDriver = _warmDriver.RunGenerators(_toggle ? _unrelatedEdit : _inputs.Compilation);
        return _warmDriver;
    }

    /// <summary>What every keystroke in the file users edit most costs: a comment in the collections' own .cs file.</summary>
    [Benchmark(Description = "generator, comment in the collection's file")]
    public GeneratorDriver CommentInTheCollectionsFile()
    {
        _toggle = !_toggle;
        _warmDriver = _warmDriver.RunGenerators(_toggle ? _commentedSchema : _inputs.Compilation);
        return _warmDriver;
    }

    /// <summary>
    /// A build by the compiler server that keeps the last build's driver (Roslyn's enable-generator-cache, which the
    /// package's targets ask for): a new compilation and a new object for every file, since the server reads the files
    /// again, with one article edited. Without that cache a build costs "generator, cold".
    /// </summary>
    [Benchmark(Description = "generator, server build with the kept driver, one article edited")]
    public GeneratorDriver ServerBuildWithTheKeptDriver()
    {
        _serverToggle = !_serverToggle;
        var texts = ImmutableArray.CreateBuilder<AdditionalText>(_inputs.Articles.Length);
        for (var i = 0; i < _inputs.Articles.Length; i++)
        {
            var (path, text) = _inputs.Articles[i];
            texts.Add(new Inputs.MemoryText(path, i == Articles / 2 && _serverToggle ? text + "\nEdited.\n" : text));
        }

        _serverDriver = _serverDriver.ReplaceAdditionalTexts(texts.MoveToImmutable()).RunGenerators(_inputs.Compilation.Clone());
        return _serverDriver;
    }

    /// <summary>An article added in the middle, then removed again: each run sees one of the two.</summary>
    [Benchmark(Description = "generator, one article added or removed")]
    public GeneratorDriver OneArticleAddedOrRemoved()
    {
        _warmDriver = (_isAdded ? _warmDriver.RemoveAdditionalTexts([_added]) : _warmDriver.AddAdditionalTexts([_added])).RunGenerators(_inputs.Compilation);
        _isAdded = !_isAdded;
        return _warmDriver;
    }
}

/// <summary>
/// The same under the garbage collector the compiler runs with: csc and the compiler server (VBCSCompiler) both set
/// System.GC.Server in their runtimeconfig.json (with .NET's adaptive heap count, DATAS), while a benchmark process
/// runs the workstation collector. The generator keeps what it builds until the run ends, which the workstation
/// collector copies from generation to generation in many small collections; the floor keeps nothing.
/// </summary>
[GcServer(true)]
public class GeneratorBenchmarksUnderServerGc : GeneratorBenchmarks
{
}

/// <summary>Registers what <see cref="ArticleMetadataAnalyzer"/> registers and does nothing: the driver's own cost.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class IdleAnalyzerWithArticleGensActions : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("IDLE001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
            start.RegisterAdditionalFileAction(_ => { });
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}
