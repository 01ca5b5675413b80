using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using ArticleGen.Emit;
using ArticleGen.Model;
using ArticleGen.Parsing;
using ArticleGen.Schema;
using ArticleGen.Schema.Inference;
using Microsoft.CodeAnalysis;

namespace ArticleGen;

/// <summary>
/// Turns the project's Markdown files into typed, static catalogs on the <c>[ArticleCollection]</c> types.
/// The pipeline: symbols → <see cref="CollectionSchema"/>; each Markdown file → <see cref="ParsedArticle"/> →
/// <see cref="BoundArticle"/> (a function of its text and the schemas only); all of them → one <see cref="Catalog"/>
/// per type → C#. Every model is value-equatable, so an edit to one article reads and binds that article alone and
/// an unrelated C# edit reads none.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ArticleCollectionGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(static context => context.AddSource(AttributeSource.HintName, AttributeSource.Text));

        var collections = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                SchemaReader.CollectionAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (context, cancellationToken) => SchemaReader.Read(
                    (INamedTypeSymbol)context.TargetSymbol, context.Attributes[0], context.SemanticModel.Compilation, cancellationToken))
            .WithTrackingName(TrackingNames.Collections)
            .Collect()
            .Select(static (schemas, _) => ReferenceTargets.Resolve(schemas
                .GroupBy(s => s.TypeName, StringComparer.Ordinal).Select(g => g.First()) // a partial type's declarations each carry the attribute once
                .OrderBy(s => s.TypeName, StringComparer.Ordinal)
                .ToList()));

        // ArticleHeading, public, where a Headings property needs it and no referenced assembly already has it.
        var headingNeeded = collections
            .Select(static (all, _) => all.Any(s => s.BodyMembers.AsImmutableArray().Any(m => m.Part == BodyPart.Headings)))
            .Combine(context.CompilationProvider.Select(static (compilation, _) => HeadingSource.IsReferenced(compilation)));
        context.RegisterSourceOutput(headingNeeded, static (context, needed) =>
        {
            if (needed.Left && !needed.Right)
            {
                context.AddSource(HeadingSource.HintName, HeadingSource.Text);
            }
        });

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ProjectOptions.From(provider.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        // Reading an article depends on the project directory and whether bodies are packed alone (a body the catalog
        // reads from the pack is not kept): changing another property (a string budget) reads nothing again.
        var parseOptions = options.Select(static (projectOptions, _) => (projectOptions.ProjectDirectory, projectOptions.BodiesPacked));

        // One node for the project's Markdown files, shared by every pipeline below: after an edit the driver walks
        // each per-file node's 10,000 entries, so each one fewer counts (hence null for another file, not a Where,
        // which would be a node of its own). Each file is keyed by its path and content, not by the AdditionalText
        // object (MarkdownFile says why): the compiler server gives a kept driver new objects on every build.
        var markdownFiles = context.AdditionalTextsProvider
            .Select(static (text, cancellationToken) => IsMarkdown(text.Path) ? MarkdownFile.Read(text, cancellationToken) : null)
            .WithTrackingName(TrackingNames.MarkdownFiles);

        // Every additional file at once, for what reads one or a few of them: a list costs the driver less than another
        // node per file.
        var allTexts = context.AdditionalTextsProvider.Collect();

        // What articles bind to and the catalog is built from: the schemas without their places in the .cs files,
        // so that a comment in a collection's declaration leaves every article step cached.
        var declaredSchemas = collections
            .Select(static (all, _) => all.Select(s => s.WithoutLocations()).ToEquatableArray())
            .WithTrackingName(TrackingNames.Schemas);

        // Collections that declare no front-matter property get their schema from the shape of every file they hold
        // (contract §7): each file's shape is read on its own (cached per file, and only for such collections), and the
        // schema follows from all of them; an edit that does not change what a careful person would declare leaves it
        // equal, and every step after it cached.
        var inferring = declaredSchemas
            .Select(static (all, _) => all
                .Where(s => s.InfersSchema && s.IsValid)
                .Select(s => Glob.TryParse(s.Glob, out var _) is { } glob ? new InferringCollection(s.TypeName, glob) : null)
                .Where(c => c is not null).Select(c => c!)
                .ToEquatableArray());
        var fileShapes = markdownFiles
            .Combine(parseOptions.Combine(inferring)) // one table of 10,000 pairs, not two
            .Select(static (inputs, cancellationToken) =>
            {
                var (text, ((projectDirectory, _), inferringCollections)) = inputs;
                return inferringCollections.Count == 0 || text is null ? null : FileShape.Read(text, projectDirectory, inferringCollections, cancellationToken);
            })
            .WithTrackingName(TrackingNames.FileShapes);

        var schemas = declaredSchemas
            .Combine(fileShapes.Collect())
            .Select(static (inputs, _) => FileShape.Infer(inputs.Left, inputs.Right.AsEnumerable()))
            .WithTrackingName(TrackingNames.InferredSchemas);

        context.RegisterSourceOutput(schemas.Combine(options), static (context, inputs) =>
        {
            foreach (var schema in inputs.Left)
            {
                if (schema.InfersSchema && schema.InferredFrom > 0 && schema.CanEmit)
                {
                    Write(context, schema, () => (InferredSchemaEmitter.HintName(schema), InferredSchemaEmitter.Emit(schema, inputs.Right)));
                }
            }
        });

        // Parse and bind in one step: the driver keeps every step's output for the next run, and the parsed trees were
        // most of what it kept. Kept, they outlived every collection and the garbage collector copied them from
        // generation to generation (a fifth of a cold run at 10,000 articles); read and dropped, they cost almost
        // nothing. A change to a schema now reads every article again, which the fast YAML reader makes cheap.
        // With the article, its layout key: one node per file and one list for every step after.
        var boundFiles = markdownFiles
            .Combine(parseOptions.Combine(schemas.Select(static (all, _) => new CollectionSet(all)))) // one table of 10,000 pairs, not two
            .Select(static (inputs, cancellationToken) =>
            {
                var (text, ((projectDirectory, bodiesPacked), bindTo)) = inputs;
                if (text is null)
                {
                    return null;
                }

                var parsed = ArticleSource.Read(text, projectDirectory, bodiesPacked, cancellationToken, keepBody: RendersBodies(bindTo.Schemas));
                var article = ArticleBinder.Bind(parsed, bindTo, cancellationToken);
                return article is null ? null : new BoundFile(article, CatalogLayout.KeyOf(article));
            })
            .WithTrackingName(TrackingNames.BoundArticles)
            .Collect();

        // The catalogs' layout (order, slugs, entry names, chunks, shapes, diagnostics across files) is built from
        // each article's layout key, which an edit to its values, title or body leaves equal: the keys, taken from the
        // files after every edit, then compare equal (an unchanged file's key is the same object, compared at once),
        // the driver keeps the layout, and the edit costs filling the articles in. The layout runs only when a key or
        // a schema changed, and then its output nearly always changes too: comparing 10,000 entries deeply to find
        // that out would cost more than it could save, so both steps compare by identity. The files below are compared
        // one by one, so an edit to one article rewrites the files it touches alone.
        var layoutKeys = boundFiles
            .Select(static (files, _) => LayoutKeysOf(files))
            .WithTrackingName(TrackingNames.LayoutKeys);

        var layouts = layoutKeys
            .Combine(schemas)
            .Combine(options)
            .Select(static (inputs, _) => CatalogLayout.Build(inputs.Left.Right, inputs.Left.Left, inputs.Right.StringDataBudget))
            .WithComparer(ReferenceIdentity<CatalogLayout>.Instance)
            .WithTrackingName(TrackingNames.Layouts);

        // The project's files, which image and file links in rendered bodies must name: the list is found among all the
        // files and keyed by its content like an article (its step holds no AdditionalText), only when a collection renders.
        var projectFilesList = allTexts
            .Combine(options)
            .Combine(schemas.Select(static (all, _) => RendersBodies(all)))
            .Select(static (inputs, cancellationToken) =>
            {
                var ((texts, projectOptions), renders) = inputs;
                // The name first: the exact comparison copies the path, and there are 10,000 of them.
                var list = renders
                    ? texts.FirstOrDefault(text => text.Path.EndsWith(ProjectFilesName, StringComparison.OrdinalIgnoreCase) && projectOptions.IsProjectFilesList(text.Path))
                    : null;
                return list is null ? null : MarkdownFile.Read(list, cancellationToken);
            });
        var projectFiles = projectFilesList
            .Combine(options)
            .Select(static (inputs, _) =>
                inputs.Left?.Text is { } text ? ProjectFiles.Read(text.ToString(), inputs.Right.ProjectDirectory) : null)
            .WithTrackingName(TrackingNames.ProjectFiles);

        // A list the host cannot read leaves the links unchecked: ART016 at the list says so, not silence.
        context.RegisterSourceOutput(projectFilesList, static (context, list) =>
        {
            if (list?.ReadFailure is { } failure)
            {
                context.ReportDiagnostic(InternalErrors.At(new LocationInfo(list.Path, default, default), "reading the list of the project's files that links are checked against", failure).ToDiagnostic());
            }
        });

        var catalogs = layouts
            .Combine(boundFiles)
            .Combine(projectFiles)
            .Select(static (inputs, _) => inputs.Left.Left.Fill(ArticlesOf(inputs.Left.Right), inputs.Right))
            .WithComparer(ReferenceIdentity<CatalogSet>.Instance)
            .WithTrackingName(TrackingNames.Catalogs);

        var catalogFiles = catalogs.SelectMany(static (set, _) => set.CatalogFiles).WithTrackingName(TrackingNames.CatalogFiles);
        var storeFiles = catalogs.SelectMany(static (set, _) => set.StoreFiles).WithTrackingName(TrackingNames.StoreFiles);
        var chunkFiles = catalogs.SelectMany(static (set, _) => set.ChunkFiles).WithTrackingName(TrackingNames.ChunkFiles);

        context.RegisterSourceOutput(catalogFiles.Combine(options), static (context, pair) =>
            Write(context, pair.Left.Owner, () => (CatalogEmitter.HintName(pair.Left.Schema), CatalogEmitter.Emit(pair.Left, pair.Right))));
        context.RegisterSourceOutput(storeFiles, static (context, store) =>
            Write(context, store.Owner, () => (StoreEmitter.HintName(store), StoreEmitter.Emit(store))));
        context.RegisterSourceOutput(chunkFiles, static (context, chunk) =>
            Write(context, chunk.Owner, () => (ChunkEmitter.HintName(chunk), ChunkEmitter.Emit(chunk))));

        // What the analyzer reports: it reads the generator's findings instead of parsing every article again, when
        // they were made from exactly the texts it sees (each file's checksum says so). The files' count and one digest
        // of them all are kept, not a list of 10,000 digests built and compared after every edit. They come from the
        // files, not the bound articles: editing a packed body changes the digest and leaves the article as it was.
        var checksums = markdownFiles
            .Collect()
            .Select(static (all, _) => Findings.Summarize(all));
        context.RegisterSourceOutput(catalogs.Combine(options).Combine(checksums), static (context, inputs) =>
        {
            var ((result, projectOptions), files) = inputs;
            if (!projectOptions.AnalyzersAreOff)
            {
                context.AddSource(Findings.HintName, Findings.Write(result.AllDiagnostics, files));
            }
        });

        context.RegisterSourceOutput(options, static (context, projectOptions) =>
        {
            if (projectOptions.InvalidStringDataBudget is { } invalid)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.InvalidProjectProperty, Location.None,
                    "ArticleGenStringDataBudget", invalid, "a whole number of bytes", ProjectOptions.DefaultStringDataBudget.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        });

        // The analyzer reports every ART diagnostic; when the build runs without analyzers, the generator reports
        // the errors instead, so bad metadata still fails the build (and each is reported once), with the per-folder
        // severities (.editorconfig sections with articlegen_diagnostic.ARTnnn.severity) read only then: a per-file
        // pipeline for them would cost every edit a walk over every file for what most builds never use.
        var markdownWithConfiguration = allTexts.Combine(context.AnalyzerConfigOptionsProvider);
        context.RegisterSourceOutput(catalogs.Combine(collections).Combine(options.Combine(markdownWithConfiguration)), static (context, inputs) =>
        {
            var ((result, schemas), (projectOptions, (files, configuration))) = inputs;
            if (!projectOptions.AnalyzersAreOff)
            {
                return;
            }

            var diagnostics = schemas.SelectMany(s => s.Diagnostics).Concat(result.AllDiagnostics);
            var bySeverity = SeverityOverridesByFile.From(files.Where(file => IsMarkdown(file.Path)).Select(file => (file.Path, SeverityOverrides.Read(configuration.GetOptions(file)))));
            var errors = new List<Diagnostic>();
            foreach (var diagnostic in diagnostics)
            {
                if (bySeverity.Apply(diagnostic) is { Severity: DiagnosticSeverity.Error } reported)
                {
                    context.ReportDiagnostic(reported);
                    errors.Add(reported);
                }
            }

            // Under dotnet watch a generator's error does not stop hot reload from applying the update, which would take
            // the broken article out of the running app; a compile error does: the app keeps its last good content.
            if (projectOptions.IsHotReloadCompilation && errors.Count > 0)
            {
                context.AddSource(HotReloadStop.HintName, HotReloadStop.Write(errors, projectOptions));
            }
        });
    }

    /// <summary>Adds a generated file; a failure to write it is ART016 at the collection, since only the generator emits.</summary>
    private static void Write(SourceProductionContext context, CollectionSchema owner, Func<(string HintName, string Source)> emit)
    {
        try
        {
            var (hintName, source) = emit();
            context.AddSource(hintName, source);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var failure = InternalErrors.At(owner.AttributeLocation, "writing the catalog of " + owner.Name, exception);
            context.ReportDiagnostic(failure.ToDiagnostic());
        }
    }

    // The two lists below are taken from every file after every edit: loops, sized once.
    private static EquatableArray<BoundArticle> LayoutKeysOf(ImmutableArray<BoundFile?> files)
    {
        var keys = ImmutableArray.CreateBuilder<BoundArticle>(files.Length);
        foreach (var file in files)
        {
            if (file is not null)
            {
                keys.Add(file.LayoutKey);
            }
        }

        return new EquatableArray<BoundArticle>(keys.Count == keys.Capacity ? keys.MoveToImmutable() : keys.ToImmutable());
    }

    private static List<BoundArticle> ArticlesOf(ImmutableArray<BoundFile?> files)
    {
        var articles = new List<BoundArticle>(files.Length);
        foreach (var file in files)
        {
            if (file is not null)
            {
                articles.Add(file.Article);
            }
        }

        return articles;
    }

    internal static bool IsMarkdown(string path) => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name of the list of the project's files that the package's targets write (ArticleGen.targets).</summary>
    internal const string ProjectFilesName = "ArticleGen.files";

    private static bool RendersBodies(EquatableArray<CollectionSchema> schemas)
    {
        foreach (var schema in schemas)
        {
            if (schema.RendersBodies)
            {
                return true;
            }
        }

        return false;
    }
}
