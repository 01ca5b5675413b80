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
}

/// <summary>The C# shape a list is declared with; it decides how the generated code builds it.</summary>
internal enum ListKind
{
    /// <summary><c>T[]</c>, <c>IReadOnlyList&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c> and the other read-only interfaces an array implements.</summary>
    Array,
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
internal sealed record FieldType(
    ValueKind Kind,
    string TypeName,
    string DisplayName,
    bool IsNullable,
    FieldType? Element = null,
    ListKind ListKind = ListKind.Array,
    EquatableArray<string> EnumMembers = default)
{
    /// <summary>The type as the generated code writes it where a nullable value may stand (array items).</summary>
    public string NullableTypeName => IsNullable ? TypeName + "?" : TypeName;

    /// <summary>What a value must look like, as a message says it ("an integer (Int32)").</summary>
    public string Expectation => Kind switch
    {
        ValueKind.String => "a string",
        ValueKind.Boolean => "a boolean (true or false)",
        ValueKind.Int32 => "an integer (Int32)",
        ValueKind.Int64 => "an integer (Int64)",
        ValueKind.Double => "a number (Double)",
        ValueKind.Decimal => "a number (Decimal)",
        ValueKind.DateTime => "a date and time (DateTime, ISO 8601)",
        ValueKind.DateTimeOffset => "a date and time (DateTimeOffset, ISO 8601)",
        ValueKind.DateOnly => "a date (DateOnly, yyyy-MM-dd)",
        ValueKind.TimeOnly => "a time of day (TimeOnly, HH:mm[:ss])",
        ValueKind.TimeSpan => "a duration (TimeSpan, ISO 8601 such as PT2H44M, or [d.]hh:mm[:ss])",
        ValueKind.Uri => "a URI (Uri)",
        ValueKind.Guid => "a GUID (Guid)",
        ValueKind.Enum => "a name of " + DisplayName,
        ValueKind.Object => "a mapping (" + DisplayName + ")",
        ValueKind.List => "a list (" + DisplayName + ")",
        ValueKind.Dictionary => "a mapping of keys to values (" + DisplayName + ")",
        _ => DisplayName,
    };
}
