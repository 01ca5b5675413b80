using ArticleGen.Build;
using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArticleGen.Tests.Infrastructure;

/// <summary>
/// A consumer project in memory: C# sources and Markdown articles, compiled with ArticleGen's generator and
/// analyzer the way a build would. Every run fails the test on a generator or analyzer exception (CS8784,
/// CS8785, AD0001), which a real build would only report as warnings.
/// </summary>
internal sealed class TestProject
{
    public const string Directory = "/project/";

    private CSharpParseOptions ParseOptions { get; set; } = new(LanguageVersion.CSharp12);

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using ArticleGen;
        """;

    private readonly List<(string Path, string Text)> _sources = [];
    private readonly List<(string Path, string Text)> _articles = [];
    private readonly List<(string Path, byte[] Bytes, Encoding? Fallback)> _binaryArticles = [];
    private readonly Dictionary<string, string> _properties = new() { ["build_property.ProjectDir"] = Directory };
    private readonly Dictionary<string, ImmutableDictionary<string, string>> _fileOptions = [];

    public TestProject WithSource(string text, string path = "Collections.cs")
    {
        _sources.Add((Directory + path, text));
        return this;
    }

    /// <summary>Adds an article at <paramref name="relativePath"/> (relative to the project directory).</summary>
    public TestProject WithArticle(string relativePath, string text)
    {
        _articles.Add((Directory + relativePath, text));
        return this;
    }

    /// <summary>As <c>GenerateDocumentationFile</c> does: every public member without an XML comment is a warning (CS1591).</summary>
    public TestProject WithDocumentationFile()
    {
        ParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        return this;
    }

    /// <summary>An option of one article's file, as an .editorconfig section matching it would set it.</summary>
    public TestProject WithFileOption(string relativePath, string key, string value)
    {
        var path = Directory + relativePath;
        _fileOptions[path] = (_fileOptions.TryGetValue(path, out var existing) ? existing : ImmutableDictionary<string, string>.Empty).SetItem(key, value);
        return this;
    }

    /// <summary>Adds an article as raw bytes (another encoding, a BOM, invalid UTF-8), decoded as the compiler would.</summary>
    public TestProject WithArticleBytes(string relativePath, byte[] bytes, Encoding? fallbackEncoding = null)
    {
        _binaryArticles.Add((Directory + relativePath, bytes, fallbackEncoding));
        return this;
    }

    private bool _embeddedBodies;

    /// <summary>
    /// As the package's targets do for a real build: the build task's own code packs every article's body into the
    /// resource <c>ArticleGen.Bodies</c> under its path in the project, and the catalog reads bodies from there.
    /// </summary>
    public TestProject WithEmbeddedBodies()
    {
        _embeddedBodies = true;
        _properties["build_property.ArticleGenBodiesPacked"] = "true";
        return this;
    }

    private static string ResourceNameOf(string path) => (path.StartsWith(Directory, StringComparison.Ordinal) ? path.Substring(Directory.Length) : path.TrimStart('/'));

    private IReadOnlyList<(string Name, byte[] Bytes)> Resources()
    {
        if (!_embeddedBodies)
        {
            return [];
        }

        using var pack = new MemoryStream();
        BodyPack.Write(pack, _articles.Select(a => (ResourceNameOf(a.Path), BodyPack.BodyOf(Encoding.UTF8.GetBytes(a.Text))))
            .Concat(_binaryArticles.Select(a => (ResourceNameOf(a.Path), BodyPack.BodyOf(a.Bytes)))));
        return [(BodyPack.ResourceName, pack.ToArray())];
    }

    /// <summary>
    /// As the package's targets do: the list of the project's files (these, and every article), which image and file
    /// links in rendered bodies must name (ART020).
    /// </summary>
    public TestProject WithProjectFiles(params string[] relativePaths)
    {
        _projectFiles = relativePaths;
        _properties["build_property.ArticleGenProjectFiles"] = ProjectFilesPath;
        return this;
    }

    private const string ProjectFilesPath = Directory + "obj/Debug/net8.0/ArticleGen.files";

    private string[]? _projectFiles;

    public TestProject WithLanguageVersion(LanguageVersion version)
    {
        ParseOptions = ParseOptions.WithLanguageVersion(version);
        return this;
    }

    private readonly Dictionary<string, ReportDiagnostic> _specificOptions = [];

    /// <summary>As <c>&lt;NoWarn&gt;</c> does: the compiler suppresses <paramref name="id"/> project-wide.</summary>
    public TestProject WithNoWarn(string id)
    {
        _specificOptions[id] = ReportDiagnostic.Suppress;
        return this;
    }

    public TestProject WithProperty(string name, string value)
    {
        _properties["build_property." + name] = value;
        return this;
    }

    /// <summary>A key of a global analyzer config file the project hands the compiler (as the package's targets may).</summary>
    public TestProject WithGlobalOption(string key, string value)
    {
        _properties[key] = value;
        return this;
    }

    public CSharpCompilation CreateCompilation() => CSharpCompilation.Create(
        "Consumer",
        _sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, Directory + "GlobalUsings.cs")),
        Net80.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true)
            .WithSpecificDiagnosticOptions(_specificOptions));

    public ImmutableArray<AdditionalText> AdditionalTexts() =>
        _articles.Select(a => (AdditionalText)new InMemoryAdditionalText(a.Path, a.Text))
            .Concat(_binaryArticles.Select(a => new InMemoryAdditionalText(a.Path, a.Bytes, a.Fallback)))
            .Concat(_projectFiles is null ? [] : [new InMemoryAdditionalText(ProjectFilesPath, string.Join("\n", _projectFiles.Select(p => Directory + p).Concat(_articles.Select(a => a.Path))))])
            .ToImmutableArray();

    public AnalyzerConfigOptionsProvider OptionsProvider()
    {
        var fileOptions = _fileOptions.ToImmutableDictionary();
        return new TestAnalyzerConfigOptionsProvider(_properties.ToImmutableDictionary(), fileOptions);
    }

    public GeneratorDriver CreateDriver() => CreateDriver(AdditionalTexts());

    /// <summary>A driver over these exact text instances, so a test can later replace one of them as an edit would.</summary>
    /// <param name="texts">The additional files.</param>
    /// <param name="trackSteps">
    /// Record every step's inputs and outputs, for the incrementality tests. Roslyn records them as a tree, not a graph:
    /// with a schema inferred from every file, each file's step reaches every other file's, and a thousand-file project
    /// records millions of steps. A real build records none.
    /// </param>
    public GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> texts, bool trackSteps = true) => CSharpGeneratorDriver.Create(
        [new ArticleCollectionGenerator().AsSourceGenerator()],
        texts,
        ParseOptions,
        OptionsProvider(),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator, then the analyzer over the generated compilation.</summary>
    public GeneratorRun Run()
    {
        var compilation = CreateCompilation();
        var driver = CreateDriver(AdditionalTexts(), trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        GeneratorRun.AssertNoGeneratorException(result, generatorDiagnostics);
        return new GeneratorRun(output, result, generatorDiagnostics, Analyze(output, concurrent: false), Resources());
    }

    /// <summary>
    /// The analyzer over <paramref name="run"/>'s compilation without the generator's findings file: what a host that runs
    /// no generator (or an IDE that shows the analyzer newer texts) reports, the analyzer parsing and binding every
    /// article itself.
    /// </summary>
    public ImmutableArray<Diagnostic> AnalyzeWithoutFindings(GeneratorRun run) =>
        Analyze(run.Compilation.RemoveSyntaxTrees(run.Compilation.SyntaxTrees.Single(t => t.FilePath.EndsWith("/ArticleGen.Findings.g.cs", StringComparison.Ordinal))), concurrent: true);

    /// <summary>The analyzer's diagnostics over <paramref name="compilation"/>; fails the test where it throws (AD0001, a warning a build would pass).</summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="concurrent">Whether the analyzer's per-file actions run on several threads at once, as in a build.</param>
    private ImmutableArray<Diagnostic> Analyze(Compilation compilation, bool concurrent)
    {
        var analyzerExceptions = new List<Exception>();
        var analyzerOptions = new AnalyzerOptions(AdditionalTexts(), OptionsProvider());
        var withAnalyzers = compilation.WithAnalyzers(
            [new ArticleMetadataAnalyzer()],
            new CompilationWithAnalyzersOptions(analyzerOptions, (exception, _, _) => analyzerExceptions.Add(exception), concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false));
        var analyzerDiagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (analyzerExceptions.Count > 0 || analyzerDiagnostics.Any(d => d.Id == "AD0001"))
        {
            throw new Xunit.Sdk.XunitException("The analyzer threw (AD0001): " + string.Join("\n", analyzerExceptions.Select(e => e.ToString()).Concat(analyzerDiagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()))));
        }

        return analyzerDiagnostics;
    }
}
