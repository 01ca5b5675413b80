using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ArticleGen.Binding;
using ArticleGen.Common;
using ArticleGen.Model;
using ArticleGen.Schema;

namespace ArticleGen.Emit;

/// <summary>How a chunk's entries are written as data tokens (the format <see cref="StoreLayout"/> describes), which the readers read back.</summary>
internal sealed partial class StoreLayout
{
    /// <summary>The data of one chunk: its entry count, then each entry's slot, index and values.</summary>
    public void WriteChunk(ChunkFile chunk, DataWriter data)
    {
        Token(data, chunk.Entries.Count);
        foreach (var entry in chunk.Entries)
        {
            if (!chunk.ByPathHash)
            {
                // In construction order a chunk mixes collections; by path hash it is one collection's, in the
                // order of its directory, which says each entry's index.
                Token(data, entry.Slot);
                Token(data, entry.Index);
            }

            WriteObject(data, CatalogEmitter.EntryValue(entry.Article, entry.Value), _roots[entry.Slot]);
        }
    }

    private void WriteObject(DataWriter data, ObjectValue value, ObjectLayout layout)
    {
        var present = new bool[layout.Names.Length];
        var ordered = new (int Declared, BoundValue Value)[value.Properties.Count];
        for (var i = 0; i < ordered.Length; i++)
        {
            var property = value.Properties[i];
            var declared = layout.Index[property.Name];
            present[declared] = true;
            ordered[i] = (declared, property.Value);
        }

        // The binder keeps values in declared order; the readers depend on it, so make sure.
        Array.Sort(ordered, (a, b) => a.Declared.CompareTo(b.Declared));
        var shape = new ShapeKey(layout.TypeName, ShapeKey.Hex(present));
        if (layout.ShapeIsInt64)
        {
            Token(data, shape.ToInt64());
        }
        else
        {
            Token(data, shape.Mask);
        }
        foreach (var (declared, propertyValue) in ordered)
        {
            WriteValue(data, propertyValue, layout.Types[declared]);
        }
    }

    private void WriteValue(DataWriter data, BoundValue value, FieldType type)
    {
        switch (value)
        {
            case NullValue:
                data.Append('~');
                return;
            case StringValue s:
                Token(data, s.Value);
                return;
            case SameAsPreviousStringValue:
                data.Append('=');
                return;
            case PartOfPreviousStringValue part:
                data.Append('^').Append(part.Start).Append(',').Append(part.Length).Append(':');
                return;
            case ResourceBodyValue body:
                data.Append('@');
                if (body.Name is null)
                {
                    data.Append('=');
                }
                else
                {
                    Token(data, body.Name);
                }

                return;
            case HtmlValue html:
                // Its parts: a string token, or '#', a start, ',' and a length, ':' for the body's own text.
                Token(data, html.Parts.Count);
                foreach (var part in html.Parts)
                {
                    if (part.Text is { } text)
                    {
                        Token(data, text);
                    }
                    else
                    {
                        data.Append('#').Append(part.BodyStart).Append(',').Append(part.Length).Append(':');
                    }
                }

                return;
            case UriValue u:
                Token(data, u.Value);
                return;
            case GuidValue g:
                Token(data, g.Value);
                return;
            case BooleanValue b:
                Token(data, b.Value ? "1" : "0");
                return;
            case Int32Value i:
                Token(data, i.Value);
                return;
            case Int64Value l:
                Token(data, l.Value);
                return;
            case DoubleValue d:
                // The bits, not text: "R" does not always round-trip on .NET Framework, where Visual Studio runs generators.
                Token(data, BitConverter.DoubleToInt64Bits(d.Value));
                return;
            case DecimalValue m:
                Token(data, m.Value.ToString(CultureInfo.InvariantCulture));
                return;
            case DateTimeValue t:
                Token(data, t.UtcTicks);
                return;
            case DateTimeOffsetValue o:
                Token(data, o.ClockTicks);
                Token(data, o.OffsetTicks);
                return;
            case DateOnlyValue d:
                Token(data, d.Year);
                Token(data, d.Month);
                Token(data, d.Day);
                return;
            case TimeOnlyValue t:
                Token(data, t.Ticks);
                return;
            case TimeSpanValue t:
                Token(data, t.Ticks);
                return;
            case EnumValue e:
                Token(data, IndexOf(type.EnumMembers, e.Member));
                return;
            case ObjectValue obj:
                WriteObject(data, obj, _objects[obj.TypeName]);
                return;
            case ListValue list:
                Token(data, list.Items.Count);
                foreach (var item in list.Items)
                {
                    WriteValue(data, item, type.Element!);
                }

                return;
            case DictionaryValue dictionary:
                Token(data, dictionary.Entries.Count);
                foreach (var entry in dictionary.Entries)
                {
                    Token(data, entry.Key);
                    WriteValue(data, entry.Value, type.Element!);
                }

                return;
            case EntryReferenceValue reference:
                Token(data, reference.Position.Slot);
                Token(data, reference.Position.Index);
                return;
            case ReferenceListValue references:
                Token(data, references.Items.Count);
                foreach (var position in references.Items)
                {
                    Token(data, position.Slot);
                    Token(data, position.Index);
                }

                return;
            default:
                throw new InvalidOperationException("Unexpected value " + value.GetType().Name);
        }
    }

    private static int IndexOf(EquatableArray<string> members, string member)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] == member)
            {
                return i;
            }
        }

        throw new InvalidOperationException("Unknown enum member " + member);
    }

    private static void Token(DataWriter data, string value)
    {
        var utf8Length = DataWriter.Utf8Length(value);
        if (utf8Length < 0)
        {
            // A lone surrogate: UTF-8 cannot carry it, so the string goes as UTF-16 code units in hexadecimal.
            data.Append(value.Length).Append('!');
            foreach (var unit in value)
            {
                data.Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
            }

            return;
        }

        data.Append(utf8Length).Append(':').Append(value, utf8Length);
    }

    /// <summary>A number as a token, as <see cref="Token(DataWriter, string)"/> writes its invariant text.</summary>
    private static void Token(DataWriter data, long value) => data.Append(DataWriter.TextLength(value)).Append(':').Append(value);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
