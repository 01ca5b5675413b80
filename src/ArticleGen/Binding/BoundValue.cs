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

internal sealed record BooleanValue(bool Value) : BoundValue;

internal sealed record Int32Value(int Value) : BoundValue;

internal sealed record Int64Value(long Value) : BoundValue;

internal sealed record DoubleValue(double Value) : BoundValue;

internal sealed record DecimalValue(decimal Value) : BoundValue;

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

internal sealed record DictionaryEntryValue(string Key, BoundValue Value);

internal sealed record DictionaryValue(string ValueTypeName, EquatableArray<DictionaryEntryValue> Entries) : BoundValue;
