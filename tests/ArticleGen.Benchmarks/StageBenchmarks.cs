using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Emit;
using ArticleGen.Model;
using ArticleGen.Parsing;
using ArticleGen.Schema;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace ArticleGen.Benchmarks;

/// <summary>
/// The generator's cold run split into its stages (parse, bind, build the catalogs, emit), each against the same
/// floor as <see cref="GeneratorBenchmarks"/>: where the time beyond the YAML parser goes.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private Inputs _inputs = null!;
    private ProjectOptions _options = null!;
    private EquatableArray<CollectionSchema> _schemas;
    private string[] _frontMatters = null!;
    private ParsedArticle[] _parsed = null!;
    private BoundArticle[] _bound = null!;
    private CatalogSet _catalogs = null!;

    [Params(10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = new Inputs(Articles);
        _options = ProjectOptions.From(_inputs.Options.GlobalOptions);
        // The attribute exists only once the generator added it.
        _inputs.CreateDriver().RunGeneratorsAndUpdateCompilation(_inputs.Compilation, out var generated, out _);
        _schemas = ReadSchemas(generated);
        _frontMatters = _inputs.Articles.Select(a => GeneratorBenchmarks.FrontMatterOf(a.Text)).ToArray();
        _parsed = ParseAll();
        _bound = BindAll();
        _catalogs = CatalogBuilder.Build(_schemas, _bound);
    }

    [Benchmark(Baseline = true, Description = "floor: YamlDotNet events")]
    public int YamlDotNetEvents() => GeneratorBenchmarks.CountEvents(_inputs);

    /// <summary>The front matter read into trees by ArticleGen's reader of common YAML (what nearly every article takes).</summary>
    [Benchmark(Description = "front matter: simple reader")]
    public int SimpleReader()
    {
        var read = 0;
        foreach (var yaml in _frontMatters)
        {
            read += SimpleYamlReader.TryRead(yaml, default, out _) ? 1 : 0;
        }

        return read;
    }

    /// <summary>The same trees from YamlDotNet's events (what the simple reader declines takes).</summary>
    [Benchmark(Description = "front matter: YamlDotNet tree")]
    public int YamlDotNetTree()
    {
        var read = 0;
        foreach (var yaml in _frontMatters)
        {
            read += YamlTreeReader.ReadWithYamlDotNet(yaml, default, "a.md", default).Root is null ? 0 : 1;
        }

        return read;
    }

    /// <summary>
    /// Parsing with nothing it makes kept: against "parse", which keeps every article as the generator's pipeline
    /// does, the difference is what the garbage collector pays to copy what survives.
    /// </summary>
    [Benchmark(Description = "parse, results dropped")]
    public int ParseDropped()
    {
        var n = 0;
        foreach (var t in _inputs.Texts)
        {
            n += ArticleSource.Read(t, _options, keepBody: false, default).FrontMatter is null ? 0 : 1;
        }

        return n;
    }

    [Benchmark(Description = "parse")]
    public object Parse() => ParseAll();

    [Benchmark(Description = "bind")]
    public object Bind() => BindAll();

    [Benchmark(Description = "build catalogs")]
    public object BuildCatalogs() => CatalogBuilder.Build(_schemas, _bound);

    [Benchmark(Description = "emit")]
    public int Emit()
    {
        var length = 0;
        foreach (var file in _catalogs.CatalogFiles)
        {
            length += CatalogEmitter.Emit(file, _options).Length;
        }

        foreach (var store in _catalogs.StoreFiles)
        {
            length += StoreEmitter.Emit(store).Length;
        }

        foreach (var chunk in _catalogs.ChunkFiles)
        {
            length += ChunkEmitter.Emit(chunk).Length;
        }

        return length;
    }

    private ParsedArticle[] ParseAll() => _inputs.Texts.Select(t => ArticleSource.Read(t, _options, keepBody: false, default)).ToArray();

    private BoundArticle[] BindAll() => _parsed.Select(p => ArticleBinder.Bind(p, new Schema.CollectionSet(_schemas), default)!).ToArray();

    private static EquatableArray<CollectionSchema> ReadSchemas(Compilation compilation)
    {
        var schemas = new List<CollectionSchema>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                    && type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == SchemaReader.CollectionAttributeName) is { } attribute)
                {
                    schemas.Add(SchemaReader.Read(type, attribute, compilation, default));
                }
            }
        }

        return ReferenceTargets.Resolve(schemas.GroupBy(s => s.TypeName).Select(g => g.First()).OrderBy(s => s.TypeName, StringComparer.Ordinal).ToList());
    }
}
