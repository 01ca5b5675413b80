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
    public static ValueShape Read(YamlNode node) => new Reader(SharesNodes(node)).Read(node);

    /// <summary>
    /// The shape of a front matter as <see cref="ShapeText"/> writes it: <c>ShapeText.Write(Read(node))</c>, and, for a
    /// front matter without many aliases, written as it is read, without building the shape (which was half of what
    /// reading a file's shape allocated).
    /// </summary>
    public static string ReadText(YamlNode node)
    {
        if (SharesNodes(node))
        {
            return ShapeText.Write(new Reader(remember: true).Read(node), shared: true);
        }

        var writer = new ShapeText.Writer(shared: false);
        WriteShape(node, writer);
        return writer.ToString();
    }

    /// <summary>Writes what <see cref="Reader.Read"/> would read, piece by piece.</summary>
    private static void WriteShape(YamlNode node, ShapeText.Writer writer)
    {
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                writer.Head(1, ScalarKind.None, hasNull: true);
                break;
            case YamlScalar scalar:
                writer.Head(1, Classify(scalar));
                break;
            case YamlSequence sequence:
                WriteList(sequence, writer);
                break;
            case YamlMapping mapping when FirstKeys(mapping, out var first):
                var count = CountOf(first);
                writer.Head(1, ScalarKind.None, hasMapping: true, keyCount: count);
                if (count > 0)
                {
                    writer.KeyCount(count);
                    var entries = mapping.Entries;
                    for (var i = 0; i < entries.Count; i++)
                    {
                        if ((first & (1UL << i)) != 0)
                        {
                            writer.Key(((YamlScalar)entries[i].Key).Value);
                            WriteShape(entries[i].Value, writer);
                        }
                    }
                }

                break;
            default:
                writer.Write(new Reader(remember: false).Read(node)); // a mapping of more than 64 keys
                break;
        }
    }

    /// <summary>A list's shape: its items merged, counted without building a shape where they are all scalars (most lists).</summary>
    private static void WriteList(YamlSequence sequence, ShapeText.Writer writer)
    {
        var items = sequence.Items;
        var kind = ScalarKind.None;
        var hasNull = false;
        foreach (var item in items)
        {
            if (item is not YamlScalar scalar)
            {
                var merged = new Reader(remember: false).Items(sequence);
                writer.Head(1, ScalarKind.None, hasList: true, hasItem: merged is not null);
                writer.Write(merged!);
                return;
            }

            if (scalar.IsNull)
            {
                hasNull = true;
            }
            else
            {
                kind = ValueShape.Widen(kind, Classify(scalar));
            }
        }

        writer.Head(1, ScalarKind.None, hasList: true, hasItem: items.Count > 0);
        if (items.Count > 0)
        {
            writer.Head(items.Count, kind, hasNull);
        }
    }

    /// <summary>
    /// Which of a mapping's entries give its shape's keys, as bits: keys that are not null, each the first written of its
    /// name by the binder's key rule (a key written twice is ART007 on its own; the first one is the shape). Compared in
    /// pairs, without normalizing each key into a new string; false for a mapping of more than 64 entries.
    /// </summary>
    private static bool FirstKeys(YamlMapping mapping, out ulong first)
    {
        first = 0;
        var entries = mapping.Entries;
        if (entries.Count > 64)
        {
            return false;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key is not YamlScalar { IsNull: false } key)
            {
                continue;
            }

            var repeated = false;
            for (var j = 0; j < i && !repeated; j++)
            {
                repeated = (first & (1UL << j)) != 0 && KeyName.SameKey(((YamlScalar)entries[j].Key).Value, key.Value);
            }

            if (!repeated)
            {
                first |= 1UL << i;
            }
        }

        return true;
    }

    private static int CountOf(ulong bits)
    {
        var count = 0;
        for (; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>Whether a front matter's aliases make it worth reading each node once: only where it expands well past what a page writes.</summary>
    private static bool SharesNodes(YamlNode node) => node.ExpandedSize > 4096;

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

        public ValueShape? Items(YamlSequence sequence)
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
            if (FirstKeys(mapping, out var first))
            {
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    if ((first & (1UL << i)) != 0)
                    {
                        keys.Add(new KeyShape(((YamlScalar)mapping.Entries[i].Key).Value, Read(mapping.Entries[i].Value)));
                    }
                }

                return keys.ToEquatableArray();
            }

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

        // Each test below keeps only values whose text the type writes back exactly (an int as digits, a double in "R"
        // or fixed notation, a date as contract §2 writes one), so a value with other characters is not tried: the
        // converters' regular expressions were most of the time reading a shape took.
        if (!quoted && OnlyNumberCharacters(text))
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

        return StartsLikeADate(text) && ScalarConverter.Convert(text, DateType, out _) is not null ? ScalarKind.Date : ScalarKind.String;
    }

    /// <summary>Digits, signs, '.' and 'E': all that an int, a long or a double is written back with.</summary>
    private static bool OnlyNumberCharacters(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or '+' or '-' or '.' or 'E'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Four digits and a '-': how every timestamp of contract §2 starts (<c>2024-01-10</c>).</summary>
    private static bool StartsLikeADate(string text) =>
        text.Length >= 8 && text[4] == '-' && text[0] is >= '0' and <= '9' && text[1] is >= '0' and <= '9' && text[2] is >= '0' and <= '9' && text[3] is >= '0' and <= '9';

    private static bool RoundTrips(double value, string text) =>
        !double.IsNaN(value) && !double.IsInfinity(value)
        && (value.ToString("R", CultureInfo.InvariantCulture) == text.TrimStart('+')
            || value.ToString("0.0##############", CultureInfo.InvariantCulture) == text.TrimStart('+'));
}
