using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArticleGen.Schema;

/// <summary>
/// Reads an <c>[ArticleCollection]</c> type's declaration into a <see cref="CollectionSchema"/>. The only code that
/// looks at symbols; everything after it works on the plain schema. The generator and the analyzer both call it,
/// so they agree on what a valid declaration is.
/// </summary>
internal static class SchemaReader
{
    public const string CollectionAttributeName = "ArticleGen.ArticleCollectionAttribute";
    public const string FieldAttributeName = "ArticleGen.ArticleFieldAttribute";

    /// <summary>Names the generated static members take; a user member of that name is ART011.</summary>
    private static readonly string[] StaticMemberNames = ["All", "Count", "Get", "TryGet"];

    /// <summary>Instance members every entry has; the generator adds those the user did not declare.</summary>
    private static readonly (string Name, GeneratedMembers Flag)[] EntryMembers =
    [
        ("Id", GeneratedMembers.Id),
        ("Slug", GeneratedMembers.Slug),
        ("Body", GeneratedMembers.Body),
        ("SourcePath", GeneratedMembers.SourcePath),
    ];

    /// <summary>Members every class or record has, whatever the user declared.</summary>
    private static readonly string[] InheritedMemberNames =
    [
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
        "EqualityContract", "PrintMembers", "Deconstruct",
    ];

    public static CollectionSchema Read(INamedTypeSymbol type, AttributeData attribute, Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            return ReadDeclaration(type, attribute, compilation, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // A schema that emits nothing, with the failure as an error on the declaration.
            var failure = InternalErrors.At(LocationInfo.From(type.Locations.FirstOrDefault()), "reading the declaration of " + type.Name, exception);
            var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            return new CollectionSchema(
                typeName, type.Name, null, EquatableArray<ContainingType>.Empty, "class", "", null, EquatableArray<string>.Empty,
                new ObjectShape(typeName, type.Name, EquatableArray<PropertyShape>.Empty), EquatableArray<ObjectShape>.Empty,
                EquatableArray<string>.Empty, GeneratedMembers.None, null, false, false, CanEmit: false, new[] { failure }.ToEquatableArray());
        }
    }

    private static CollectionSchema ReadDeclaration(INamedTypeSymbol type, AttributeData attribute, Compilation compilation, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var typeLocation = LocationInfo.From(type.Locations.FirstOrDefault());

        void Report(Location? location, string message) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCollectionDeclaration, LocationInfo.From(location) ?? typeLocation, message));

        // The declaration itself.
        var canEmit = true;
        if (!IsPartial(type, cancellationToken))
        {
            Report(type.Locations.FirstOrDefault(), $"{type.Name} must be declared 'partial' so that ArticleGen can add its catalog");
            canEmit = false;
        }

        var containingTypes = new List<ContainingType>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (!IsPartial(container, cancellationToken))
            {
                Report(container.Locations.FirstOrDefault(), $"{container.Name} must be declared 'partial' because it contains the collection type {type.Name}");
                canEmit = false;
            }

            if (container.IsGenericType)
            {
                Report(container.Locations.FirstOrDefault(), $"{type.Name} cannot be a collection inside the generic type {container.Name}");
                canEmit = false;
            }

            containingTypes.Insert(0, new ContainingType(KeywordOf(container), container.Name));
        }

        if (type.TypeKind != TypeKind.Class)
        {
            Report(type.Locations.FirstOrDefault(), $"{type.Name} must be a class or a record, not a {(type.IsRecord ? "record struct" : type.TypeKind.ToString().ToLowerInvariant())}");
            canEmit = false;
        }
        else if (type.IsStatic || type.IsAbstract)
        {
            Report(type.Locations.FirstOrDefault(), $"{type.Name} must not be {(type.IsStatic ? "static" : "abstract")}: each article becomes an instance of it");
            canEmit = false;
        }

        if (type.IsGenericType)
        {
            Report(type.Locations.FirstOrDefault(), $"{type.Name} must not be generic: its catalog is static");
            canEmit = false;
        }

        if (!HasParameterlessConstructor(type))
        {
            Report(type.Locations.FirstOrDefault(), $"{type.Name} needs a parameterless constructor: positional records and constructors with parameters are not supported, declare 'init' properties instead");
        }

        // The glob.
        var pattern = attribute.ConstructorArguments.FirstOrDefault().Value as string;
        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
        var glob = Glob.TryParse(pattern, out var globError);
        if (glob is null)
        {
            Report(attributeLocation, $"The glob '{pattern}' of {type.Name} is not valid: {globError}");
        }

        // Members the generated code must not collide with.
        var takenNames = new SortedSet<string>(System.StringComparer.Ordinal) { type.Name };
        foreach (var name in InheritedMemberNames)
        {
            takenNames.Add(name);
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (IsUserDeclared(member, cancellationToken) && (!member.IsImplicitlyDeclared || member is IPropertySymbol))
                {
                    takenNames.Add(member.Name);
                }
            }

            foreach (var nestedType in current.GetTypeMembers().Where(t => IsUserDeclared(t, cancellationToken)))
            {
                takenNames.Add(nestedType.Name);
            }
        }

        foreach (var name in StaticMemberNames)
        {
            var clash = type.GetMembers(name).FirstOrDefault(m => !m.IsImplicitlyDeclared && IsUserDeclared(m, cancellationToken));
            if (clash is not null)
            {
                Report(clash.Locations.FirstOrDefault(), $"{type.Name} declares '{name}', a name ArticleGen's catalog uses: rename it");
            }
        }

        var generatedMembers = GeneratedMembers.None;
        foreach (var (name, flag) in EntryMembers)
        {
            var declared = FindMember(type, name, cancellationToken);
            if (declared is null)
            {
                generatedMembers |= flag;
            }
            else if (declared is not IPropertySymbol { Type.SpecialType: SpecialType.System_String, IsStatic: false, SetMethod: not null } property
                || property.SetMethod.DeclaredAccessibility == Accessibility.Private)
            {
                Report(declared.Locations.FirstOrDefault(), $"{type.Name}.{name} must be a string property with an 'init' or 'set' accessor: ArticleGen sets it on every entry");
            }
        }

        // What the catalog computes: the entries' Url and the rendered body's parts (contract §6).
        var urlPattern = NamedArgument(attribute, "Url") as string;
        if (urlPattern is not null && UrlPatterns.Check(urlPattern) is { } urlProblem)
        {
            Report(attributeLocation, $"The Url '{urlPattern}' of {type.Name} is not valid: {urlProblem}");
            urlPattern = null;
        }

        if (urlPattern is not null)
        {
            var declaredUrl = FindMember(type, "Url", cancellationToken);
            if (declaredUrl is null)
            {
                generatedMembers |= GeneratedMembers.Url;
            }
            else if (declaredUrl is not IPropertySymbol { Type.SpecialType: SpecialType.System_String, IsStatic: false, SetMethod: not null } urlProperty
                || urlProperty.SetMethod.DeclaredAccessibility == Accessibility.Private)
            {
                Report(declaredUrl.Locations.FirstOrDefault(), $"{type.Name}.Url must be a string property with an 'init' or 'set' accessor: ArticleGen sets it from the collection's Url '{urlPattern}'");
            }
        }

        var bodyMembers = BodyMembers.Read(type, Report, cancellationToken);
        var markdown = (Rendering.MarkdownDialect?)null;
        if (bodyMembers.Count > 0 || NamedArgument(attribute, "MarkdownExtensions") is string)
        {
            var extensions = NamedArgument(attribute, "MarkdownExtensions") as string;
            markdown = Rendering.MarkdownDialect.TryCreate(extensions, out var extensionsProblem);
            if (markdown is null)
            {
                Report(attributeLocation, $"The MarkdownExtensions '{extensions}' of {type.Name} are not Markdig's: {extensionsProblem}");
            }
        }

        // Properties, then every nested type they reach, breadth first.
        var types = new TypeReader(compilation, Report, cancellationToken);
        var root = types.ReadObject(type, isCollectionRoot: true, urlPattern is null ? null : new HashSet<string>(System.StringComparer.Ordinal) { "Url" });
        var nested = types.ReadPendingObjects();
        if (bodyMembers.Any(m => m.Part == BodyPart.Headings))
        {
            nested.Add(BodyMembers.HeadingShape);
            nested.Sort((a, b) => string.CompareOrdinal(a.TypeName, b.TypeName));
        }

        var titleProperty = root.Properties.FirstOrDefault(p => p.Name == "Title" && p.Type.Kind == ValueKind.String)?.Name;
        var notNullWhen = compilation.GetTypeByMetadataName("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute");
        var isExternalInit = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.IsExternalInit");

        return new CollectionSchema(
            TypeName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            Name: type.Name,
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes: containingTypes.ToEquatableArray(),
            Keyword: KeywordOf(type),
            Glob: glob?.Pattern ?? pattern ?? "",
            AttributeLocation: LocationInfo.From(attributeLocation),
            AssignableTo: UserBaseTypesAndInterfaces(type).ToEquatableArray(),
            Root: root,
            NestedTypes: nested.ToEquatableArray(),
            TakenMemberNames: takenNames.ToEquatableArray(),
            GeneratedMembers: generatedMembers,
            TitleProperty: titleProperty,
            HasNotNullWhen: notNullWhen is not null && compilation.IsSymbolAccessibleWithin(notNullWhen, compilation.Assembly),
            HasInitAccessors: isExternalInit is not null && compilation.IsSymbolAccessibleWithin(isExternalInit, compilation.Assembly),
            CanEmit: canEmit,
            Diagnostics: diagnostics.ToEquatableArray(),
            // u8 literals need C# 11 as well as ReadOnlySpan<T>.
            HasUtf8Literals: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 }
                && compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is { } span && compilation.IsSymbolAccessibleWithin(span, compilation.Assembly),
            // The handler is named in an assembly attribute, where a type nested in a private one cannot be named.
            HasMetadataUpdateHandler: compilation.GetTypeByMetadataName("System.Reflection.Metadata.MetadataUpdateHandlerAttribute") is { } handler
                && compilation.IsSymbolAccessibleWithin(handler, compilation.Assembly)
                && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly),
            UrlPattern: urlPattern,
            BodyMembers: bodyMembers.ToEquatableArray(),
            Markdown: bodyMembers.Count > 0 ? markdown : null,
            InfersSchema: canEmit && root.Properties.Count == 0 && !HasFrontMatterProperties(type, cancellationToken),
            HasRequiredMembers: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp11 }
                && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.RequiredMemberAttribute") is { } required
                && compilation.IsSymbolAccessibleWithin(required, compilation.Assembly));
    }

    /// <summary>
    /// Whether the user declared a property of their own that reads front matter (one ArticleGen could not bind, with its
    /// ART011, counts): only a declaration without any has its schema inferred.
    /// </summary>
    private static bool HasFrontMatterProperties(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (!property.IsStatic && !property.IsImplicitlyDeclared && IsUserDeclared(property, cancellationToken) && property.SetMethod is not null
                    && property.Name is not ("Id" or "Slug" or "Body" or "SourcePath" or "Url" or "EqualityContract")
                    && !BodyMembers.IsBodyMember(property))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static object? NamedArgument(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }

    /// <summary>Base classes and interfaces declared in the user's source (not object, not the BCL's), ordinally sorted.</summary>
    private static IEnumerable<string> UserBaseTypesAndInterfaces(INamedTypeSymbol type)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.DeclaringSyntaxReferences.Length > 0)
            {
                names.Add(current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.DeclaringSyntaxReferences.Length > 0)
            {
                names.Add(implemented.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
        }

        return names;
    }

    private static ISymbol? FindMember(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var member = current.GetMembers(name).FirstOrDefault(m => !m.IsImplicitlyDeclared && IsUserDeclared(m, cancellationToken));
            if (member is not null)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>
    /// False for the members ArticleGen generated itself: the analyzer sees the compilation with them, the generator
    /// without, and both must read the same schema.
    /// </summary>
    /// <remarks>
    /// A member from source is judged by its declarations' syntax, not by <see cref="ISymbol.GetAttributes"/>: the
    /// analyzer asks this of each of 10,000 entry properties, and binding their attributes for it cost the IDE that
    /// work on every compilation (a build binds them anyway to emit them, an IDE does not). A member from metadata (a
    /// base type in another assembly, generated there) has no syntax and is judged by its attributes, which cost little.
    /// </remarks>
    internal static bool IsUserDeclared(ISymbol member, CancellationToken cancellationToken)
    {
        var declarations = member.DeclaringSyntaxReferences;
        if (declarations.IsEmpty)
        {
            return !member.GetAttributes().Any(IsArticleGensGeneratedCode);
        }

        foreach (var declaration in declarations)
        {
            if (declaration.GetSyntax(cancellationToken) is MemberDeclarationSyntax { AttributeLists.Count: > 0 } syntax && HasArticleGensGeneratedCode(syntax))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The attribute exactly as the generator writes it (<see cref="Emit.CatalogEmitter.GeneratedCodeAttribute"/>).</summary>
    private static bool HasArticleGensGeneratedCode(MemberDeclarationSyntax declaration)
    {
        foreach (var list in declaration.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (attribute.Name is QualifiedNameSyntax { Right.Identifier.ValueText: "GeneratedCode" } name
                    && name.ToString() == Emit.GeneratorInfo.AttributeName
                    && attribute.ArgumentList is { Arguments.Count: > 0 } arguments
                    && arguments.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: Emit.GeneratorInfo.Name })
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Compared by names, not by a display string.
    private static bool IsArticleGensGeneratedCode(AttributeData attribute) =>
        attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } }
        && attribute.ConstructorArguments.Length > 0
        && attribute.ConstructorArguments[0].Value as string == Emit.GeneratorInfo.Name;

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.Length > 0
        && type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    internal static bool HasParameterlessConstructor(INamedTypeSymbol type) =>
        type.InstanceConstructors.Any(c => c.Parameters.Length == 0);

    private static string KeywordOf(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (false, TypeKind.Struct) => "struct",
        (false, TypeKind.Interface) => "interface",
        _ => "class",
    };
}
