using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ArticleGen.Common;

namespace ArticleGen.Schema.Inference;

/// <summary>
/// A <see cref="ValueShape"/> written as one string, the form in which the driver keeps each file's shape between runs.
/// Why: a shape as records is a few objects per key, so 10,000 files' shapes are about a million small objects that
/// live as long as the driver, and every collection during the run copies them (measured: 70 % more time in the
/// garbage collector than the same build with the schema written out). One string per file is one object; equal
/// strings also tell the merge which files have the same shape, so each distinct shape is read back once.
/// </summary>
/// <remarks>
/// The grammar, with numbers in invariant decimal:
/// <code>
/// shape := occurrences kind flags [shape]                  (the item's shape, when flags has Item)
///          [count ':' { keyLength ':' key shape }]          (the keys, when flags has Keys)
///        | '^' index ';'                                    (a shape written before, numbered in the order each ended)
/// kind  := one of "NBILDTS" (None, Boolean, Int32, Int64, Double, daTe, String)
/// flags := '@' + (Null 1 | List 2 | Mapping 4 | Item 8 | Keys 16)
/// </code>
/// The back reference keeps a front matter of nested aliases (a node shared many times in the tree) as long as it is
/// written, not as long as it expands.
/// </remarks>
internal static class ShapeText
{
    private const string Kinds = "NBILDTS";
    private const int NullFlag = 1, ListFlag = 2, MappingFlag = 4, ItemFlag = 8, KeysFlag = 16;

    /// <summary>The text of <paramref name="shape"/>.</summary>
    /// <param name="shape">The shape.</param>
    /// <param name="shared">Whether the shape may hold one shape in several places (read from a front matter with many aliases): each is then written once, and referred to after.</param>
    public static string Write(ValueShape shape, bool shared = true)
    {
        var writer = new Writer(shared);
        writer.Write(shape);
        return writer.ToString();
    }

    /// <summary>The shape <paramref name="text"/> was written from.</summary>
    /// <exception cref="FormatException">The text is not one <see cref="Write"/> gives.</exception>
    public static ValueShape Read(string text)
    {
        var reader = new Reader(text);
        var shape = reader.Read();
        return reader.AtEnd ? shape : throw new FormatException("text after the shape");
    }

    /// <summary>
    /// Writes shapes into one text: whole (<see cref="Write(ValueShape)"/>), or piece by piece as a reader walks a front
    /// matter (<see cref="Head"/>, then the item's shape, then <see cref="KeyCount"/> and each <see cref="Key"/> with its
    /// value's shape), which builds no shape at all.
    /// </summary>
    /// <param name="shared">
    /// Whether shapes written whole may be met again: each is then written once and referred to after (a writer that
    /// shares writes whole shapes only, since the numbers count whole shapes).
    /// </param>
    internal sealed class Writer(bool shared)
    {
        private readonly StringBuilder _text = new(256);
        private readonly Dictionary<ValueShape, int>? _written = shared ? new(ReferenceIdentity<ValueShape>.Instance) : null;
        private int _count;

        public void Write(ValueShape shape)
        {
            if (_written is not null && _written.TryGetValue(shape, out var index))
            {
                _text.Append('^').Append(index.ToString(CultureInfo.InvariantCulture)).Append(';');
                return;
            }

            Head(shape.Occurrences, shape.Scalar, shape.HasNull, shape.HasList, shape.Item is not null, shape.HasMapping, shape.Keys.Count);
            if (shape.Item is { } item)
            {
                Write(item);
            }

            if (shape.Keys.Count > 0)
            {
                KeyCount(shape.Keys.Count);
                foreach (var key in shape.Keys)
                {
                    Key(key.Key);
                    Write(key.Value);
                }
            }

            // Numbered when it ends, as the reader numbers it.
            _written?.Add(shape, _count);
            _count++;
        }

        /// <summary>A shape's own part: to be followed by its item's shape when <paramref name="hasItem"/>, then by its keys when <paramref name="keyCount"/> is not 0.</summary>
        public void Head(int occurrences, ScalarKind scalar, bool hasNull = false, bool hasList = false, bool hasItem = false, bool hasMapping = false, int keyCount = 0)
        {
            var flags = (hasNull ? NullFlag : 0) | (hasList ? ListFlag : 0) | (hasMapping ? MappingFlag : 0) | (hasItem ? ItemFlag : 0) | (keyCount == 0 ? 0 : KeysFlag);
            _text.Append(occurrences.ToString(CultureInfo.InvariantCulture)).Append(Kinds[(int)scalar]).Append((char)('@' + flags));
        }

        public void KeyCount(int count) => _text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(':');

        public void Key(string key) => _text.Append(key.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(key);

        public override string ToString() => _text.ToString();
    }

    private sealed class Reader(string text)
    {
        private readonly List<ValueShape> _read = [];
        private int _at;

        public bool AtEnd => _at == text.Length;

        public ValueShape Read()
        {
            if (Peek() == '^')
            {
                _at++;
                var index = Number(';');
                return index < _read.Count ? _read[index] : throw new FormatException("a reference to a shape not yet read");
            }

            var occurrences = Number(null);
            var kind = Kinds.IndexOf(Next());
            var flags = Next() - '@';
            if (kind < 0 || flags is < 0 or > 31)
            {
                throw new FormatException("a shape's kind or flags");
            }

            var item = (flags & ItemFlag) != 0 ? Read() : null;
            KeyShape[] keys = [];
            if ((flags & KeysFlag) != 0)
            {
                keys = new KeyShape[Number(':')];
                for (var i = 0; i < keys.Length; i++)
                {
                    var length = Number(':');
                    if (length > text.Length - _at)
                    {
                        throw new FormatException("a key longer than the text");
                    }

                    var key = text.Substring(_at, length);
                    _at += length;
                    keys[i] = new KeyShape(key, Read());
                }
            }

            var shape = new ValueShape(
                occurrences, (ScalarKind)kind, (flags & NullFlag) != 0, (flags & ListFlag) != 0, item, (flags & MappingFlag) != 0, keys.ToEquatableArray());
            _read.Add(shape);
            return shape;
        }

        /// <summary>A decimal number, ended by <paramref name="end"/> (consumed) or, when null, by the first character that is not a digit.</summary>
        private int Number(char? end)
        {
            var value = 0;
            var start = _at;
            while (_at < text.Length && text[_at] is >= '0' and <= '9')
            {
                value = checked((value * 10) + (text[_at++] - '0'));
            }

            if (_at == start || (end is { } ending && Next() != ending))
            {
                throw new FormatException("a number");
            }

            return value;
        }

        private char Peek() => _at < text.Length ? text[_at] : throw new FormatException("the text ends inside a shape");

        private char Next() => _at < text.Length ? text[_at++] : throw new FormatException("the text ends inside a shape");
    }
}
