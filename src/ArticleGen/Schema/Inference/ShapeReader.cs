using System.Collections.Generic;
using System.Globalization;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Parsing;

namespace ArticleGen.Schema.Inference;

/// <summary>Reads one file's front matter into a <see cref="ValueShape"/>: what a careful person would take each value for.</summary>
internal static class ShapeReader
{
    private static readonly FieldType BooleanType = new(ValueKind.Boolean, "bool", "bool", false);
    private static readonly FieldType Int32Type = new(ValueKind.Int32, "int", "int", false);
    private static readonly FieldType Int64Type = new(ValueKind.Int64, "long", "long", false);
    private static readonly FieldType DoubleType = new(ValueKind.Double, "double", "double", false);
    private static readonly FieldType DateType = new(ValueKind.DateTimeOffset, "global::System.DateTimeOffset", "DateTimeOffset", false);

    /// <summary>The shape of a front matter; its aliases are read once each (a front matter without any reads straight through).</summary>
    public static ValueShape Read(YamlNode node) => new Reader(node.ExpandedSize > 4096).Read(node);

    /// <summary>
    /// One file's reading. An alias is the node it names, shared in the tree: each node is read once, so a front matter
    /// of nested aliases (the "billion laughs") costs what it is written as, not what it would expand to.
    /// </summary>
    private sealed class Reader(bool remember)
    {
        private readonly Dictionary<YamlNode, ValueShape>? _read = remember ? new(ReferenceIdentity<YamlNode>.Instance) : null;

        public ValueShape Read(YamlNode node)
        {
            if (_read is not null && _read.TryGetValue(node, out var known))
            {
                return known;
            }

            var shape = node switch
            {
                YamlScalar { IsNull: true } => new ValueShape(1, HasNull: true),
                YamlScalar scalar => new ValueShape(1, Classify(scalar)),
                YamlSequence sequence => new ValueShape(1, HasList: true, Item: Items(sequence)),
                YamlMapping mapping => new ValueShape(1, HasMapping: true, Keys: Keys(mapping)),
                _ => new ValueShape(1, ScalarKind.String),
            };
            if (_read is not null)
            {
                _read[node] = shape;
            }

            return shape;
        }

        private ValueShape? Items(YamlSequence sequence)
        {
            ValueShape? items = null;
            foreach (var item in sequence.Items)
            {
                var shape = Read(item);
                items = items is null ? shape : ReferenceEquals(items, shape) ? items : ValueShape.Merge(items, shape);
            }

            return items;
        }

        private EquatableArray<KeyShape> Keys(YamlMapping mapping)
        {
            var keys = new List<KeyShape>(mapping.Entries.Count);
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var entry in mapping.Entries)
            {
                // A key written twice is ART007 on its own; the first one is the shape.
                if (entry.Key is YamlScalar { IsNull: false } key && seen.Add(KeyName.Normalize(key.Value)))
                {
                    keys.Add(new KeyShape(key.Value, Read(entry.Value)));
                }
            }

            return keys.ToEquatableArray();
        }
    }

    /// <summary>
    /// The narrowest type that reads the scalar back as written: a quoted number or boolean is text (someone quoted it
    /// to keep it so), a number with leading zeros or trailing decimal zeros is text (a code, a version), a date is one
    /// of contract §2's forms (<c>01/10/2024</c> is not).
    /// </summary>
    private static ScalarKind Classify(YamlScalar scalar)
    {
        var text = scalar.Value;
        if (text.Length == 0)
        {
            return ScalarKind.String;
        }

        // Most values are words: only what starts like a number, a boolean or a date is tried as one (the converters
        // are exact but not cheap, and this runs for every value of every file).
        var first = text[0];
        var numeric = first is (>= '0' and <= '9') or '-' or '+' or '.';
        var quoted = scalar.Style != ScalarStyle.Plain;
        if (!quoted && first is 't' or 'T' or 'f' or 'F' && text.Length is 4 or 5)
        {
            return ScalarConverter.Convert(text, BooleanType, out _) is not null ? ScalarKind.Boolean : ScalarKind.String;
        }

        if (!numeric)
        {
            return ScalarKind.String;
        }

        if (!quoted)
        {
            if (ScalarConverter.Convert(text, Int32Type, out _) is Int32Value int32 && int32.Value.ToString(CultureInfo.InvariantCulture) == text.TrimStart('+'))
            {
                return ScalarKind.Int32;
            }

            if (ScalarConverter.Convert(text, Int64Type, out _) is Int64Value int64 && int64.Value.ToString(CultureInfo.InvariantCulture) == text.TrimStart('+'))
            {
                return ScalarKind.Int64;
            }

            if (ScalarConverter.Convert(text, DoubleType, out _) is DoubleValue number && RoundTrips(number.Value, text))
            {
                return ScalarKind.Double;
            }
        }

        return text.Length >= 8 && char.IsDigit(text[0]) && ScalarConverter.Convert(text, DateType, out _) is not null ? ScalarKind.Date : ScalarKind.String;
    }

    private static bool RoundTrips(double value, string text) =>
        !double.IsNaN(value) && !double.IsInfinity(value)
        && (value.ToString("R", CultureInfo.InvariantCulture) == text.TrimStart('+')
            || value.ToString("0.0##############", CultureInfo.InvariantCulture) == text.TrimStart('+'));
}
