using System;
using System.Globalization;
using System.Linq;
using ArticleGen.Binding;
using ArticleGen.Model;
using ArticleGen.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ArticleGen.Emit;

/// <summary>
/// Writes a <see cref="BoundValue"/> as a C# expression. Literals come from Roslyn's own formatters, so any text in
/// an article is a string literal and nothing else; every type is named with <c>global::</c>.
/// </summary>
internal static class ValueEmitter
{
    public static void Write(SourceWriter writer, string prefix, BoundValue value, string suffix)
    {
        switch (value)
        {
            case ObjectValue obj:
                if (obj.Properties.Count == 0)
                {
                    writer.Line(prefix + "new " + obj.TypeName + "()" + suffix);
                    return;
                }

                writer.Line(prefix + "new " + obj.TypeName);
                writer.Line("{");
                writer.Indent++;
                foreach (var property in obj.Properties)
                {
                    Write(writer, Identifier(property.Name) + " = ", property.Value, ",");
                }

                writer.Indent--;
                writer.Line("}" + suffix);
                return;

            case ListValue list when list.Items.Count == 0:
                writer.Line(prefix + EmptyList(list) + suffix);
                return;

            case ListValue list:
                writer.Line(prefix + ListOpening(list));
                writer.Line("{");
                writer.Indent++;
                foreach (var item in list.Items)
                {
                    Write(writer, "", item, ",");
                }

                writer.Indent--;
                writer.Line("}" + (list.Kind == ListKind.ImmutableArray ? ")" : "") + suffix);
                return;

            case DictionaryValue dictionary:
                var dictionaryType = "global::System.Collections.Generic.Dictionary<string, " + dictionary.ValueTypeName + ">";
                writer.Line(prefix + "new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, " + dictionary.ValueTypeName + ">(new " + dictionaryType + "(" + Int(dictionary.Entries.Count) + ")");
                writer.Line("{");
                writer.Indent++;
                foreach (var entry in dictionary.Entries)
                {
                    Write(writer, "[" + String(entry.Key) + "] = ", entry.Value, ",");
                }

                writer.Indent--;
                writer.Line("})" + suffix);
                return;

            default:
                writer.Line(prefix + Scalar(value) + suffix);
                return;
        }
    }

    /// <summary>Whether <paramref name="value"/> holds a <typeparamref name="T"/> anywhere.</summary>
    public static bool Contains<T>(BoundValue value)
        where T : BoundValue => value switch
        {
            T => true,
            ObjectValue obj => obj.Properties.Any(p => Contains<T>(p.Value)),
            ListValue list => list.Items.Any(Contains<T>),
            DictionaryValue dictionary => dictionary.Entries.Any(e => Contains<T>(e.Value)),
            _ => false,
        };

    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Int(int value) => SyntaxFactory.Literal(value).Text;

    /// <summary>A name as an identifier, with '@' where it is a keyword (an enum member called 'class').</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Scalar(BoundValue value) => value switch
    {
        NullValue => "null",
        StringValue s => String(s.Value),
        BooleanValue b => b.Value ? "true" : "false",
        Int32Value i => SyntaxFactory.Literal(i.Value).Text,
        Int64Value l => SyntaxFactory.Literal(l.Value).Text,
        DoubleValue d => Double(d.Value),
        DecimalValue m => SyntaxFactory.Literal(m.Value).Text,
        DateTimeValue t => "new global::System.DateTime(" + Long(t.UtcTicks) + ", global::System.DateTimeKind.Utc)",
        DateTimeOffsetValue o => "new global::System.DateTimeOffset(" + Long(o.ClockTicks) + ", new global::System.TimeSpan(" + Long(o.OffsetTicks) + "))",
        DateOnlyValue d => "new global::System.DateOnly(" + Int(d.Year) + ", " + Int(d.Month) + ", " + Int(d.Day) + ")",
        TimeOnlyValue t => "new global::System.TimeOnly(" + Long(t.Ticks) + ")",
        TimeSpanValue t => "new global::System.TimeSpan(" + Long(t.Ticks) + ")",
        UriValue u => "new global::System.Uri(" + String(u.Value) + ", global::System.UriKind.RelativeOrAbsolute)",
        GuidValue g => "new global::System.Guid(" + String(g.Value) + ")",
        EnumValue e => e.TypeName + "." + Identifier(e.Member),

        // Inside the store: the entry at a position, and a list of them that looks its entries up when read.
        EntryReferenceValue r => "Items" + Int(r.Position.Slot) + "[" + Int(r.Position.Index) + "]",
        ReferenceListValue l => "new ReferenceList<" + l.ElementTypeName + ">(new int[] { "
            + string.Join(", ", l.Items.Select(p => Int(p.Slot) + ", " + Int(p.Index))) + " })",
        _ => throw new InvalidOperationException("Unexpected value " + value.GetType().Name),
    };

    private static string Long(long value) => SyntaxFactory.Literal(value).Text;

    private static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        // "R" round-trips every double; the 'D' suffix keeps an integral value a double.
        return value.ToString("R", CultureInfo.InvariantCulture) + "D";
    }

    private static string EmptyList(ListValue list) => list.Kind switch
    {
        ListKind.List => "new " + list.ListTypeName + "()",
        ListKind.ImmutableArray => "global::System.Collections.Immutable.ImmutableArray<" + list.ElementTypeName + ">.Empty",
        _ => "global::System.Array.Empty<" + list.ElementTypeName + ">()",
    };

    private static string ListOpening(ListValue list) => list.Kind switch
    {
        ListKind.List => "new " + list.ListTypeName + "(" + Int(list.Items.Count) + ")",
        ListKind.ImmutableArray => "global::System.Collections.Immutable.ImmutableArray.Create<" + list.ElementTypeName + ">(new " + list.ElementTypeName + "[]",
        _ => "new " + list.ElementTypeName + "[]",
    };
}
