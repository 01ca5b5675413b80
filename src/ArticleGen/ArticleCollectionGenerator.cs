using System;
using System.Collections.Generic;
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
        // each per-file node's 10,000 entries, so each one fewer counts. Each file is keyed by its path and content,
        // not by the AdditionalText object (MarkdownFile says why): the compiler server gives a kept driver new objects
        // on every build.
        var markdownTexts = context.AdditionalTextsProvider.Where(static text => IsMarkdown(text.Path));
        var markdownFiles = markdownTexts
            .Select(static (text, cancellationToken) => MarkdownFile.Read(text, cancellationToken))
            .WithTrackingName(TrackingNames.MarkdownFiles);

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
                return inferringCollections.Count == 0 ? null : FileShape.Read(text, projectDirectory, inferringCollections, cancellationToken);
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
        var boundArticles = markdownFiles
            .Combine(parseOptions.Combine(schemas.Select(static (all, _) => new CollectionSet(all)))) // one table of 10,000 pairs, not two
            .Select(static (inputs, cancellationToken) =>
            {
                var (text, ((projectDirectory, bodiesPacked), bindTo)) = inputs;
                var parsed = ArticleSource.Read(text, projectDirectory, bodiesPacked, cancellationToken, keepBody: RendersBodies(bindTo.Schemas));
                return ArticleBinder.Bind(parsed, bindTo, cancellationToken);
            })
            .WithTrackingName(TrackingNames.BoundArticles);

        // The catalogs' layout (order, slugs, entry names, chunks, shapes, diagnostics across files) is built from
        // each article's layout key, which an edit to its values, title or body leaves equal: the driver then keeps
        // the layout, and the edit costs filling the articles in. The layout runs only when a key or a schema changed,
        // and then its output nearly always changes too: comparing 10,000 entries deeply to find that out would cost
        // more than it could save, so both steps compare by identity. The files below are compared one by one, so an
        // edit to one article rewrites the files it touches alone.
        var layoutKeys = boundArticles
            .Select(static (article, _) => article is null ? null : CatalogLayout.KeyOf(article))
            .WithTrackingName(TrackingNames.LayoutKeys);

        var layouts = layoutKeys
            .Collect()
            .Combine(schemas)
            .Combine(options)
            .Select(static (inputs, _) => CatalogLayout.Build(
                inputs.Left.Right,
                inputs.Left.Left.Where(a => a is not null).Select(a => a!).ToList(),
                inputs.Right.StringDataBudget))
            .WithComparer(ReferenceIdentity<CatalogLayout>.Instance)
            .WithTrackingName(TrackingNames.Layouts);

        // The project's files, which image and file links in rendered bodies must name: read only when a collection renders.
        var projectFiles = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(ProjectFilesName, StringComparison.OrdinalIgnoreCase))
            .Collect()
            .Combine(options)
            .Combine(schemas.Select(static (all, _) => RendersBodies(all)))
            .Select(static (inputs, cancellationToken) =>
            {
                var ((lists, projectOptions), renders) = inputs;
                var list = renders ? lists.FirstOrDefault(text => projectOptions.IsProjectFilesList(text.Path)) : null;
                return list?.GetText(cancellationToken) is { } text ? ProjectFiles.Read(text.ToString(), projectOptions.ProjectDirectory) : null;
            })
            .WithTrackingName(TrackingNames.ProjectFiles);

        var catalogs = layouts
            .Combine(boundArticles.Collect())
            .Combine(projectFiles)
            .Select(static (inputs, _) => inputs.Left.Left.Fill(inputs.Left.Right.Where(a => a is not null).Select(a => a!).ToList(), inputs.Right))
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
        // they were made from exactly the texts it sees (each file's checksum says so).
        var checksums = markdownFiles
            .Collect()
            .Select(static (all, _) => all.Select(file => file.Digest).Where(d => d is not null).Select(d => d!.Value).ToEquatableArray());
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
        var markdownWithConfiguration = markdownTexts.Collect().Combine(context.AnalyzerConfigOptionsProvider);
        context.RegisterSourceOutput(catalogs.Combine(collections).Combine(options.Combine(markdownWithConfiguration)), static (context, inputs) =>
        {
            var ((result, schemas), (projectOptions, (files, configuration))) = inputs;
            if (!projectOptions.AnalyzersAreOff)
            {
                return;
            }

            var diagnostics = schemas.SelectMany(s => s.Diagnostics).Concat(result.AllDiagnostics);
            var bySeverity = SeverityOverridesByFile.From(files.Select(file => (file.Path, SeverityOverrides.Read(configuration.GetOptions(file)))));
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
