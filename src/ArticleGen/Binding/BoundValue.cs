using ArticleGen.Common;
using ArticleGen.Schema;

namespace ArticleGen.Binding;

/// <summary>
/// A front-matter value converted to its declared C# type, held as plain data. Emission turns it into a C#
/// expression; nothing here knows C# syntax.
/// </summary>
internal abstract record BoundValue;

internal sealed record NullValue : BoundValue
{
    public static readonly NullValue Instance = new();
}

internal sealed record StringValue(string Value) : BoundValue;

/// <summary>
/// A string equal to the string token just before it in the data, written as '=': an entry's slug that is its id. The
/// paths make up much of a catalog's data, and an entry would otherwise hold its path three times.
/// </summary>
internal sealed record SameAsPreviousStringValue : BoundValue
{
    public static readonly SameAsPreviousStringValue Instance = new();
}

/// <summary>
/// A string that is part of the string token just before it, written as '^', its start and length: an entry's id,
/// which is its source path without the collection's folder and the extension.
/// </summary>
internal sealed record PartOfPreviousStringValue(int Start, int Length) : BoundValue
{
    /// <summary><paramref name="value"/> as part of <paramref name="previous"/> where it is one, else as itself.</summary>
    public static BoundValue Of(string previous, string value)
    {
        var start = previous.IndexOf(value, System.StringComparison.Ordinal);
        return start < 0 || value.Length < 8 ? new StringValue(value) : new PartOfPreviousStringValue(start, value.Length);
    }
}

/// <summary>
/// An article's body that travels in the packed bodies (the resource ArticleGen.Bodies) under <paramref name="Name"/>,
/// not as data in the generated code: the code a build compiles does not grow with the bodies, and does not change
/// when a body alone is edited. <c>null</c> when the name is the entry's source path, written just before it.
/// </summary>
internal sealed record ResourceBodyValue(string? Name) : BoundValue;

/// <summary>
/// HTML rendered from the entry's body: text, and runs of the body's own text named by their place in it. The body
/// is in the catalog already (or in the packed bodies), so the rendered words are not stored a second time.
/// </summary>
internal sealed record HtmlValue(EquatableArray<Rendering.HtmlPart> Parts) : BoundValue;

internal sealed record BooleanValue(bool Value) : BoundValue;

internal sealed record Int32Value(int Value) : BoundValue;

internal sealed record Int64Value(long Value) : BoundValue;

/// <summary>A double, equal to another only bit for bit: -0.0 and 0.0 are equal numbers but different values to a program.</summary>
internal sealed record DoubleValue(double Value) : BoundValue
{
    public bool Equals(DoubleValue? other) => other is not null && System.BitConverter.DoubleToInt64Bits(Value) == System.BitConverter.DoubleToInt64Bits(other.Value);

    public override int GetHashCode() => System.BitConverter.DoubleToInt64Bits(Value).GetHashCode();
}

/// <summary>A decimal, equal to another only with the same scale: 1.10 and 1.1 are equal numbers but print differently.</summary>
internal sealed record DecimalValue(decimal Value) : BoundValue
{
    public bool Equals(DecimalValue? other)
    {
        if (other is null)
        {
            return false;
        }

        var (bits, others) = (decimal.GetBits(Value), decimal.GetBits(other.Value));
        return bits[0] == others[0] && bits[1] == others[1] && bits[2] == others[2] && bits[3] == others[3];
    }

    public override int GetHashCode() => Value.GetHashCode() ^ decimal.GetBits(Value)[3];
}

/// <summary>A <c>DateTime</c> in UTC (timestamps without an offset mean UTC; those with one are converted).</summary>
internal sealed record DateTimeValue(long UtcTicks) : BoundValue;

/// <summary>A <c>DateTimeOffset</c>: the clock time as written and its offset.</summary>
internal sealed record DateTimeOffsetValue(long ClockTicks, long OffsetTicks) : BoundValue;

internal sealed record DateOnlyValue(int Year, int Month, int Day) : BoundValue;

internal sealed record TimeOnlyValue(long Ticks) : BoundValue;

internal sealed record TimeSpanValue(long Ticks) : BoundValue;

internal sealed record UriValue(string Value) : BoundValue;

internal sealed record GuidValue(string Value) : BoundValue;

internal sealed record EnumValue(string TypeName, string Member) : BoundValue;

internal sealed record PropertyValue(string Name, BoundValue Value);

internal sealed record ObjectValue(string TypeName, EquatableArray<PropertyValue> Properties) : BoundValue
{
    public BoundValue? Get(string propertyName)
    {
        foreach (var property in Properties)
        {
            if (property.Name == propertyName)
            {
                return property.Value;
            }
        }

        return null;
    }
}

/// <param name="Kind">How the declared type wants the list built.</param>
/// <param name="ListTypeName">The declared list type (used for <see cref="ListKind.List"/>).</param>
/// <param name="ElementTypeName">The item type, with '?' where items may be null.</param>
internal sealed record ListValue(ListKind Kind, string ListTypeName, string ElementTypeName, EquatableArray<BoundValue> Items) : BoundValue;

/// <summary>
/// A reference as written: the name of an entry of one of <paramref name="Targets"/>. Which entry it is depends on
/// the other files, so it is resolved when the catalog is built, not while binding one article.
/// </summary>
/// <param name="Name">The slug, id or trailing path written in the front matter.</param>
/// <param name="Path">The value's path in the front matter (<c>items[3]</c>), for messages.</param>
/// <param name="Targets">The collection types whose entries it may name.</param>
/// <param name="Location">The value, where ART010 and ART015 point.</param>
internal sealed record ReferenceValue(string Name, string Path, EquatableArray<string> Targets, LocationInfo Location) : BoundValue;

internal sealed record DictionaryEntryValue(string Key, BoundValue Value);

internal sealed record DictionaryValue(string ValueTypeName, EquatableArray<DictionaryEntryValue> Entries) : BoundValue;
