using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace ArticleGen.Diagnostics;

/// <summary>
/// Every diagnostic ArticleGen reports. The IDs are part of the public contract and never change meaning;
/// each has a page under docs/diagnostics linked as its help link.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ArticleGen";

    public static readonly DiagnosticDescriptor MissingFrontMatter = Create(
        "ART001", "Article has no front matter",
        "'{0}' has no front matter: line 1 must be '---', but it is {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnclosedFrontMatter = Create(
        "ART002", "Front matter is never closed",
        "The front matter opened here is never closed: expected a line '---' after it, but the file ends at line {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidYaml = Create(
        "ART003", "Front matter is not valid YAML",
        "The front matter is not valid YAML: {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingRequiredKey = Create(
        "ART004", "Required key is missing",
        "Required key '{0}' is missing: {1} declares it 'required'{2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ValueDoesNotConvert = Create(
        "ART005", "Value does not convert to the property's type",
        "'{0}' expects {1} but found {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownKey = Create(
        "ART006", "Key matches no property",
        "Key '{0}' matches no property of {1}; the keys it accepts are: {2}{3}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateKey = Create(
        "ART007", "Key appears twice",
        "Key '{0}' appears twice in one mapping: it repeats '{1}' at line {2}. Keep one: YAML allows a key once in a mapping (Jekyll silently uses the last)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateSlug = Create(
        "ART008", "Two entries have the same slug",
        "Slug '{0}' is already used by '{1}' in collection {2}; this entry is left out",
        DiagnosticSeverity.Error, acrossFiles: true);

    public static readonly DiagnosticDescriptor UnknownEnumName = Create(
        "ART009", "Value is not a name of the enum",
        "'{0}' expects one of {1} ({2}) but found '{3}'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DanglingReference = Create(
        "ART010", "Reference names no entry",
        "'{0}' refers to '{1}', {2}",
        DiagnosticSeverity.Error, acrossFiles: true);

    public static readonly DiagnosticDescriptor InvalidCollectionDeclaration = Create(
        "ART011", "Declaration cannot be an article collection",
        "{0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GlobMatchesNoFile = Create(
        "ART012", "Collection glob matches no file",
        "The glob '{0}' of collection {1} matches no file among the project's Markdown files",
        DiagnosticSeverity.Warning, acrossFiles: true);

    public static readonly DiagnosticDescriptor FrontMatterNotMapping = Create(
        "ART013", "Front matter is not a mapping",
        "The front matter must be a mapping of keys to values, but it is {0}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FileInTwoCollections = Create(
        "ART014", "File belongs to two collections",
        "'{0}' is matched by collection {1} ('{2}') and by collection {3} ('{4}'); a file may belong to one collection only",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReferenceCycle = Create(
        "ART015", "Single-valued references form a cycle",
        "Single-valued references form a cycle that immutable entries cannot represent: {0}",
        DiagnosticSeverity.Error, acrossFiles: true);

    /// <summary>
    /// ArticleGen itself failed. A generator's or analyzer's exception is only a warning (CS8785, AD0001) and the
    /// build would succeed with entries missing; this error makes the failure fail the build, at the file involved.
    /// </summary>
    public static readonly DiagnosticDescriptor InternalError = Create(
        "ART016", "ArticleGen failed",
        "ArticleGen failed while {0}: {1}. This is a bug in ArticleGen (please report it with the file); the build fails so that no entry goes missing silently",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidProjectProperty = Create(
        "ART017", "An ArticleGen MSBuild property has an invalid value",
        "The MSBuild property {0} is '{1}', which is not {2}; ArticleGen uses {3} instead",
        DiagnosticSeverity.Warning);

    /// <summary>
    /// One key failing the same way in many files of a collection: a summary that points at the one declaration to
    /// fix, beside the exact per-file diagnostics (contract: ART018-ART020 are reserved for checked links).
    /// </summary>
    public static readonly DiagnosticDescriptor SameFailureInManyFiles = Create(
        "ART021", "A key fails the same way in many files",
        "'{0}' fails with {1} in {2} files of {3}; the first, '{4}': {5}",
        DiagnosticSeverity.Warning, acrossFiles: true);

    public static readonly DiagnosticDescriptor LinkNamesNoArticle = Create(
        "ART018", "Link names no article",
        "The link '{0}' names no {1}",
        DiagnosticSeverity.Error, acrossFiles: true);

    public static readonly DiagnosticDescriptor LinkNamesNoHeading = Create(
        "ART019", "Link names no heading",
        "The link '{0}' names no heading of {1}: no heading has the id '{2}'{3}",
        DiagnosticSeverity.Warning, acrossFiles: true);

    public static readonly DiagnosticDescriptor LinkNamesNoFile = Create(
        "ART020", "Link names no file of the project",
        "The {0} '{1}' names no file of the project: it leads to '{2}'",
        DiagnosticSeverity.Error, acrossFiles: true);

    public static readonly DiagnosticDescriptor SchemaInferred = Create(
        "ART022", "Schema inferred from the files",
        "{0} declares no front-matter property: its {1} properties are inferred from its files; 'Write the inferred schema' writes them into the declaration",
        DiagnosticSeverity.Info);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        MissingFrontMatter, UnclosedFrontMatter, InvalidYaml, MissingRequiredKey, ValueDoesNotConvert,
        UnknownKey, DuplicateKey, DuplicateSlug, UnknownEnumName, DanglingReference,
        InvalidCollectionDeclaration, GlobMatchesNoFile, FrontMatterNotMapping, FileInTwoCollections, ReferenceCycle,
        InternalError, InvalidProjectProperty, LinkNamesNoArticle, LinkNamesNoHeading, LinkNamesNoFile, SameFailureInManyFiles, SchemaInferred);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = CreateIndex();

    public static DiagnosticDescriptor Get(string id) => ById[id];

    public static bool IsKnown(string id) => ById.ContainsKey(id);

    private static Dictionary<string, DiagnosticDescriptor> CreateIndex()
    {
        var index = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in All)
        {
            index.Add(descriptor.Id, descriptor);
        }

        return index;
    }

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, bool acrossFiles = false) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id),
            customTags: acrossFiles ? [WellKnownDiagnosticTags.CompilationEnd] : []);
}
