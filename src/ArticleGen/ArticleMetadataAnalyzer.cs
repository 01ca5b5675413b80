using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Model;
using ArticleGen.Parsing;
using ArticleGen.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ArticleGen;

/// <summary>
/// Reports bad article metadata as diagnostics at their exact line and column in the <c>.md</c> file, and bad
/// collection declarations in the <c>.cs</c> file. It runs the same parsing, schema and binding code as
/// <see cref="ArticleCollectionGenerator"/>, so the catalog and the diagnostics never disagree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class ArticleMetadataAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName(SchemaReader.CollectionAttributeName);
            if (attribute is null)
            {
                return;
            }

            var schemas = FindCollections(start.Compilation, attribute, start.CancellationToken);
            if (schemas.Count == 0)
            {
                return;
            }

            // dotnet watch's hot reload compilation runs no analyzer and the generator reports there; an analyzer that ran
            // all the same would report twice. (With RunAnalyzersDuringBuild=false an IDE still runs it, and it reports.)
            var options = ProjectOptions.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            if (options.IsHotReloadCompilation)
            {
                return;
            }

            // Declaration errors, reported once per type, in the type's syntax tree (so pragmas and [SuppressMessage] apply).
            var trees = new SourceTrees(start.Compilation);
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    var typeName = symbolContext.Symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    foreach (var schema in schemas.Where(s => s.TypeName == typeName))
                    {
                        foreach (var diagnostic in schema.Diagnostics)
                        {
                            symbolContext.ReportDiagnostic(diagnostic.ToDiagnostic(trees));
                        }

                        if (schema.InfersSchema && schema.IsValid && InferredSchemaNotice(symbolContext.Symbol, symbolContext.Compilation, symbolContext.CancellationToken) is { } notice)
                        {
                            symbolContext.ReportDiagnostic(notice);
                        }
                    }
                },
                SymbolKind.NamedType);

            // The generator's findings, where the compilation holds them (a build, the IDE): reported from there, so
            // that no article is parsed twice. Without them (a host that runs no generator) the analyzer does the work.
            // They are trusted only when they were made from exactly the texts the analyzer sees (an IDE may show it a
            // newer text than the generator last ran on): otherwise the analyzer parses and binds every article itself.
            var findingsTree = start.Compilation.SyntaxTrees.LastOrDefault(t => IsFindings(t.FilePath));
            if (findingsTree is not null && TrustedFindings(findingsTree, start.Options.AdditionalFiles, start.CancellationToken) is { } findings)
            {
                ReportFindings(start, schemas, trees, options, findings);
                return;
            }

            // Each article on its own, concurrently; kept for the checks across files.
            var bound = new ConcurrentBag<BoundArticle>();
            var keepBodies = schemas.Any(s => s.RendersBodies);
            var infers = schemas.Any(s => s.InfersSchema && s.IsValid);
            var waiting = new ConcurrentBag<ParsedArticle>();
            var collections = new CollectionSet(schemas);
            start.RegisterAdditionalFileAction(fileContext =>
            {
                var file = fileContext.AdditionalFile;
                if (!ArticleCollectionGenerator.IsMarkdown(file.Path))
                {
                    return;
                }

                // ArticleSource and ArticleBinder turn their own exceptions into ART016: nothing here throws past them.
                var parsed = ArticleSource.Read(file, options, keepBodies, fileContext.CancellationToken);
                if (infers)
                {
                    // A schema inferred from every file is known only at the end: the article waits to be bound.
                    waiting.Add(parsed);
                    return;
                }

                var article = ArticleBinder.Bind(parsed, collections, fileContext.CancellationToken);
                if (article is null)
                {
                    return;
                }

                bound.Add(CatalogLayout.DiagnosisKeyOf(article));
                ReportArticle(fileContext, article.Diagnostics);
            });

            // Checks that need every file at once (ART008, ART010, ART012, ART015).
            start.RegisterCompilationEndAction(end =>
            {
                var severities = SeveritiesOfArticles(end, trees);
                var schemasToBind = schemas;
                if (infers)
                {
                    var parsedArticles = waiting.OrderBy(p => p.RelativePath, System.StringComparer.Ordinal).ToList();
                    var shapes = parsedArticles
                        .Select(p => p.FrontMatter is { } frontMatter && collections.FirstMatching(p.RelativePath, s => s.InfersSchema && s.IsValid) is { } inferring
                            ? Schema.Inference.FileShape.Of(inferring.TypeName, p.RelativePath, frontMatter)
                            : null);
                    schemasToBind = Schema.Inference.FileShape.Infer(schemas, shapes);
                    var inferred = new CollectionSet(schemasToBind);
                    foreach (var parsed in parsedArticles)
                    {
                        if (ArticleBinder.Bind(parsed, inferred, end.CancellationToken) is { } article)
                        {
                            bound.Add(CatalogLayout.DiagnosisKeyOf(article));
                            Report(end, article.Diagnostics, severities);
                        }
                    }
                }

                var articles = bound.ToList();
                var files = keepBodies ? ProjectFiles.From(end.Options.AdditionalFiles, options, end.CancellationToken) : null;
                var acrossFiles = CatalogBuilder.Diagnose(schemasToBind, articles, files);
                Report(end, acrossFiles, severities);

                // ART021: a key failing the same way in many files, once per key, beside the exact diagnostics.
                ReportSummaries(end, schemasToBind, articles, acrossFiles, severities);
            });
        });
    }

    /// <summary>ART021: a key failing the same way in many files, once per key; what is switched off (per folder, &lt;NoWarn&gt;, a .globalconfig) is not counted.</summary>
    private static void ReportSummaries(
        CompilationAnalysisContext end, EquatableArray<CollectionSchema> schemas, List<BoundArticle> articles, IEnumerable<DiagnosticInfo> acrossFiles, SeverityOverridesByFile severities)
    {
        var projectSeverities = end.Compilation.Options.SpecificDiagnosticOptions;
        var globalSeverities = end.Compilation.Options.SyntaxTreeOptionsProvider;
        bool IsReported(DiagnosticInfo diagnostic) =>
            severities.Apply(diagnostic) is not null
            && !(projectSeverities.TryGetValue(diagnostic.Id, out var configured) && configured == ReportDiagnostic.Suppress)
            && !(globalSeverities is not null && globalSeverities.TryGetGlobalDiagnosticValue(diagnostic.Id, end.CancellationToken, out var global) && global == ReportDiagnostic.Suppress);
        Report(end, DiagnosticSummaries.Summarize(schemas, articles, acrossFiles, IsReported), severities);
    }

    /// <summary>Reports diagnostics found across files, with each file's configured severity (none: not reported).</summary>
    private static void Report(CompilationAnalysisContext end, IEnumerable<DiagnosticInfo> diagnostics, SeverityOverridesByFile severities)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (severities.Apply(diagnostic) is { } reported)
            {
                end.ReportDiagnostic(reported);
            }
        }
    }

    /// <summary>Reports one article's own diagnostics, with the severities configured for its file.</summary>
    private static void ReportArticle(AdditionalFileAnalysisContext fileContext, IEnumerable<DiagnosticInfo> diagnostics)
    {
        var file = fileContext.AdditionalFile;
        var severities = SeverityOverridesByFile.From([(file.Path, SeverityOverrides.Read(fileContext.Options.AnalyzerConfigOptionsProvider.GetOptions(file)))]);
        foreach (var diagnostic in diagnostics)
        {
            if (severities.Apply(diagnostic) is { } reported)
            {
                fileContext.ReportDiagnostic(reported);
            }
        }
    }

    /// <summary>The severities configured for every article file; declarations' places resolve to their syntax trees.</summary>
    private static SeverityOverridesByFile SeveritiesOfArticles(CompilationAnalysisContext end, SourceTrees trees) =>
        SeverityOverridesByFile.From(
            end.Options.AdditionalFiles
                .Where(f => ArticleCollectionGenerator.IsMarkdown(f.Path))
                .Select(f => (f.Path, SeverityOverrides.Read(end.Options.AnalyzerConfigOptionsProvider.GetOptions(f)))),
            trees);

    private static bool IsFindings(string path) =>
        path.EndsWith("/" + Findings.HintName, System.StringComparison.Ordinal) || path.EndsWith("\\" + Findings.HintName, System.StringComparison.Ordinal);

    /// <summary>
    /// The generator's findings, when its file reads back and names every Markdown file the analyzer sees with the
    /// same text (checksum); null otherwise, and the analyzer then does the work itself.
    /// </summary>
    private static List<DiagnosticInfo>? TrustedFindings(SyntaxTree tree, ImmutableArray<AdditionalText> additionalFiles, System.Threading.CancellationToken cancellationToken)
    {
        if (Findings.Read(tree.GetText(cancellationToken).ToString()) is not { } findings)
        {
            return null;
        }

        var files = new List<FileDigest>();
        foreach (var file in additionalFiles)
        {
            if (!ArticleCollectionGenerator.IsMarkdown(file.Path))
            {
                continue;
            }

            if (MarkdownFile.Read(file, cancellationToken).Digest is not { } digest)
            {
                return null;
            }

            files.Add(digest);
        }

        return files.Count == findings.FileCount && Findings.DigestOf(files) == findings.FilesDigest ? findings.Diagnostics : null;
    }

    /// <summary>
    /// Reports what the generator found: each article's diagnostics in that article's action, as the IDE asks for
    /// them; the checks across files, ART012 (whose place the generator does not keep) and the summaries at the end.
    /// </summary>
    private static void ReportFindings(
        CompilationStartAnalysisContext start, EquatableArray<CollectionSchema> schemas, SourceTrees trees, ProjectOptions options, List<DiagnosticInfo> findings)
    {
        var byFile = new Dictionary<string, List<DiagnosticInfo>>(System.StringComparer.Ordinal);
        var acrossFilesFound = new List<DiagnosticInfo>();
        var attribute = schemas.Select(s => s.AttributeLocation).FirstOrDefault(l => l is not null);
        foreach (var diagnostic in findings)
        {
            if (diagnostic.Location is { } location && !diagnostic.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))
            {
                if (!byFile.TryGetValue(location.FilePath, out var list))
                {
                    byFile.Add(location.FilePath, list = []);
                }

                list.Add(diagnostic);
            }
            else if (diagnostic.Id != DiagnosticDescriptors.GlobMatchesNoFile.Id)
            {
                // The generator's failures across files carry no place (its schemas keep none): the attribute, as here.
                acrossFilesFound.Add(diagnostic.Location is null && diagnostic.Id == DiagnosticDescriptors.InternalError.Id ? diagnostic with { Location = attribute } : diagnostic);
            }
        }

        var reportedFiles = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
        start.RegisterAdditionalFileAction(fileContext =>
        {
            var file = fileContext.AdditionalFile;
            // A file listed twice (an IDE, a test host) is reported once.
            if (ArticleCollectionGenerator.IsMarkdown(file.Path) && byFile.TryGetValue(file.Path, out var diagnostics) && reportedFiles.TryAdd(file.Path, true))
            {
                ReportArticle(fileContext, diagnostics);
            }
        });

        start.RegisterCompilationEndAction(end =>
        {
            var files = end.Options.AdditionalFiles.Where(f => ArticleCollectionGenerator.IsMarkdown(f.Path))
                .GroupBy(f => f.Path, System.StringComparer.Ordinal).Select(g => g.First()).ToList();
            var severities = SeveritiesOfArticles(end, trees);

            // Which collection each file belongs to, by the globs alone (as the binder decides it), and ART012.
            var globs = schemas.Select(s => (Schema: s, Glob: Glob.TryParse(s.Glob, out _))).ToList();
            var articles = new List<BoundArticle>();
            var matched = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var file in files)
            {
                var relativePath = options.RelativePathOf(file.Path);
                CollectionSchema? owner = null;
                foreach (var (schema, glob) in globs)
                {
                    if (glob is not null && glob.IsMatch(relativePath))
                    {
                        matched.Add(schema.TypeName);
                        owner ??= schema;
                    }
                }

                if (owner is not null)
                {
                    var own = byFile.TryGetValue(file.Path, out var list) ? list.ToEquatableArray() : EquatableArray<DiagnosticInfo>.Empty;
                    articles.Add(new BoundArticle(owner.TypeName, relativePath, "", "", "", null, null, new LocationInfo(file.Path, default, default), own));
                }
            }

            var acrossFiles = acrossFilesFound.ToList();
            foreach (var (schema, glob) in globs)
            {
                if (glob is not null && !matched.Contains(schema.TypeName))
                {
                    acrossFiles.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GlobMatchesNoFile, schema.AttributeLocation, schema.Glob, schema.Name));
                }
            }

            Report(end, acrossFiles, severities);
            ReportSummaries(end, schemas, articles, acrossFiles, severities);
        });
    }

    /// <summary>Every source type carrying <c>[ArticleCollection]</c>, read into schemas in a stable order.</summary>
    private static EquatableArray<CollectionSchema> FindCollections(Compilation compilation, INamedTypeSymbol attribute, System.Threading.CancellationToken cancellationToken)
    {
        var schemas = new List<CollectionSchema>();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    pending.Push(type);
                    var data = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
                    if (data is not null)
                    {
                        schemas.Add(SchemaReader.Read(type, data, compilation, cancellationToken));
                    }
                }
            }
        }

        return ReferenceTargets.Resolve(schemas.OrderBy(s => s.TypeName, System.StringComparer.Ordinal).ToList());
    }
}
