using ArticleGen.Common;

namespace ArticleGen.Schema;

/// <summary>What a front-matter value must become: the C# types ArticleGen can bind.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Uri,
    Guid,
    Enum,
    Object,
    List,
    Dictionary,

    /// <summary>An entry of another collection (or of several, through an interface or base class), named by a string.</summary>
    Reference,

    /// <summary>An entry's <c>Body</c>: its text, or the manifest resource that holds its file.</summary>
    Body,

    /// <summary>HTML rendered from the entry's body (a <c>string</c>), stored as text and places in the body.</summary>
    Html,
}

/// <summary>The C# shape a list is declared with; it decides how the generated code builds it.</summary>
internal enum ListKind
{
    /// <summary><c>T[]</c>.</summary>
    Array,

    /// <summary>
    /// <c>IReadOnlyList&lt;T&gt;</c>, <c>IReadOnlyCollection&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>: built as an array, or, for a
    /// list of references, as a list that finds its entries when read, which lets two entries list each other.
    /// </summary>
    ReadOnlyList,
    List,
    ImmutableArray,
}

/// <summary>
/// The declared type of a property, reduced to what binding and emission need. Object types are named, not
/// nested, so a type that contains itself (a tree of sections) has a finite description.
/// </summary>
/// <param name="Kind">What the value is.</param>
/// <param name="TypeName">The type in C# as the generated code writes it (<c>global::</c>-qualified), without '?'.</param>
/// <param name="DisplayName">The type as a message to a person names it (<c>IReadOnlyList&lt;Image&gt;</c>).</param>
/// <param name="IsNullable">Whether null (<c>~</c>, <c>null</c>, an empty value) is allowed.</param>
/// <param name="Element">The item type of a list, or the value type of a dictionary.</param>
/// <param name="ListKind">How a list is built.</param>
/// <param name="EnumMembers">The names of an enum's members, in declaration order.</param>
/// <param name="Targets">For a reference, the collection types whose entries it may name (filled once every collection is known).</param>
/// <param name="Format">For a date, time or duration: the .NET custom format its values are written in (<c>[ArticleField(Format = …)]</c>).</param>
internal sealed record FieldType(
    ValueKind Kind,
    string TypeName,
    string DisplayName,
    bool IsNullable,
    FieldType? Element = null,
    ListKind ListKind = ListKind.Array,
    EquatableArray<string> EnumMembers = default,
    EquatableArray<string> Targets = default,
    string? Format = null)
{
    /// <summary>The type as the generated code writes it where a nullable value may stand (array items).</summary>
    public string NullableTypeName => IsNullable ? TypeName + "?" : TypeName;

    /// <summary>Whether the type is a date, a time or a duration: what <c>Format</c> applies to.</summary>
    public bool IsTemporal => Kind is ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly or ValueKind.TimeOnly or ValueKind.TimeSpan;

    /// <summary>Whether the type is a calendar date (with or without a time): what a file name's date can fill.</summary>
    public bool IsDate => Kind is ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly;

    /// <summary>What a value must look like, as a message says it ("an integer (Int32)").</summary>
    public string Expectation => Format is not null && IsTemporal
        ? Kind switch
        {
            ValueKind.DateTime => "a date and time (DateTime)",
            ValueKind.DateTimeOffset => "a date and time (DateTimeOffset)",
            ValueKind.DateOnly => "a date (DateOnly)",
            ValueKind.TimeOnly => "a time of day (TimeOnly)",
            _ => "a duration (TimeSpan)",
        } + " in the format '" + Format + "'"
        : Kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Boolean => "a boolean (true or false)",
        ValueKind.Int32 => "an integer (Int32)",
        ValueKind.Int64 => "an integer (Int64)",
        ValueKind.Double => "a number (Double)",
        ValueKind.Decimal => "a number (Decimal)",
        ValueKind.DateTime => "a date and time (DateTime: ISO 8601 or YAML's timestamp, such as 2024-05-09 or 2024-05-09 10:30:00 +0000)",
        ValueKind.DateTimeOffset => "a date and time (DateTimeOffset: ISO 8601 or YAML's timestamp, such as 2024-05-09 or 2024-05-09 10:30:00 +0000)",
        ValueKind.DateOnly => "a date (DateOnly, yyyy-MM-dd)",
        ValueKind.TimeOnly => "a time of day (TimeOnly, HH:mm[:ss])",
        ValueKind.TimeSpan => "a duration (TimeSpan, ISO 8601 such as PT2H44M, or [d.]hh:mm[:ss])",
        ValueKind.Uri => "a URI (Uri)",
        ValueKind.Guid => "a GUID (Guid)",
        ValueKind.Enum => "a name of " + DisplayName,
        ValueKind.Object => "a mapping (" + DisplayName + ")",
        ValueKind.List => "a list (" + DisplayName + ")",
        ValueKind.Dictionary => "a mapping of keys to values (" + DisplayName + ")",
        ValueKind.Reference => "the slug, id or path of an entry of " + DisplayName,
        _ => DisplayName,
    };
}
