using System.Collections.Generic;
using ArticleGen.Common;

namespace ArticleGen.Parsing;

/// <summary>
/// Reads the YAML that front matter is almost always written in straight into a <see cref="YamlNode"/> tree,
/// several times faster than YamlDotNet's event parser, whose cost was most of a cold build's parse: block
/// mappings and sequences, single-line plain and quoted scalars, single-line flow sequences of scalars, comments.
/// </summary>
/// <remarks>
/// It declines (returns false) at the first thing outside that subset and at anything that could be an error, so
/// that YamlDotNet still reads every other text and reports every mistake as before: block scalars, anchors,
/// aliases, tags, flow mappings, multi-line scalars, tabs, unusual characters and line breaks all go to
/// <see cref="YamlTreeReader"/>. What it accepts it reads into the very tree YamlDotNet's events give, ranges
/// included (a null value stands right after its ':' or '-'; a block collection ends where the next token starts,
/// or one line past the last for the end of the text); tests compare the two on every file of both real corpora
/// and on thousands of broken variants of them.
/// </remarks>
internal static partial class SimpleYamlReader
{
    /// <summary>Nesting deeper than this is left to YamlDotNet (the tree reader's own limit is larger).</summary>
    private const int MaxDepth = 32;

    /// <summary>A key longer than this is left to YamlDotNet, which limits a simple key to 1,024 characters.</summary>
    private const int MaxKeyLength = 1000;

    /// <summary>More nodes than this are left to YamlDotNet, which enforces the expansion limit with a diagnostic.</summary>
    private const int MaxNodes = 10_000;

    /// <param name="root">The front matter's mapping, or null when it holds nothing but blank lines and comments.</param>
    /// <returns>False when the text is not in the subset this reader knows: the caller reads it with YamlDotNet.</returns>
    public static bool TryRead(string yaml, TextPosition origin, out YamlMapping? root) => TryRead(yaml, 0, yaml.Length, origin, out root);

    /// <summary>Reads the front matter between <paramref name="start"/> and <paramref name="end"/> of a whole file, without copying it out.</summary>
    /// <param name="origin">Where <paramref name="start"/> is in the file.</param>
    public static bool TryRead(string text, int start, int end, TextPosition origin, out YamlMapping? root)
    {
        root = null;
        if (!HasOnlyPlainCharacters(text, start, end) || EndsInBlankOrCommentWithoutLineBreak(text, start, end))
        {
            return false;
        }

        var reader = new Reader(text, start, end, origin);
        if (!reader.SkipToNextContent())
        {
            return false;
        }

        if (reader.AtEnd)
        {
            return true;
        }

        // A document that is not a mapping, or that goes on after its root, is a diagnostic: YamlDotNet words it.
        if (reader.ReadBlockNode(depth: 1) is not YamlMapping mapping || !reader.AtEnd)
        {
            return false;
        }

        root = mapping;
        return true;
    }

    /// <summary>
    /// A cursor over the text that knows its line. Every Read method starts at the first character of a node and,
    /// for block nodes, returns standing on the next content (or the end), so that the caller compares its column
    /// with its own indentation; null means "decline".
    /// </summary>
    private sealed partial class Reader
    {
        private readonly string _yaml;
        private readonly int _start;
        private readonly int _end;
        private readonly TextPosition _origin;
        private int _pos;
        private int _line;
        private int _lineStart;
        private int _nodes;

        /// <summary>A reader of the text between <paramref name="start"/> and <paramref name="end"/>, which stands at <paramref name="origin"/> in the file.</summary>
        public Reader(string text, int start, int end, TextPosition origin)
        {
            _yaml = text;
            _start = start;
            _end = end;
            _origin = origin;
            _pos = start;
            _lineStart = start;
        }

        public bool AtEnd => _pos >= _end;

        private int Column => _pos - _lineStart;

        private char At(int index) => index < _end ? _yaml[index] : '\0';

        private bool IsBlankOrEnd(int index) => index >= _end || _yaml[index] is ' ' or '\n' or '\r';

        private bool AtSequenceItem => At(_pos) == '-' && IsBlankOrEnd(_pos + 1);

        /// <summary>A position on the current line.</summary>
        private TextPosition Mark(int offset) => new(_origin.Offset + offset - _start, _origin.Line + _line, offset - _lineStart);

        /// <summary>
        /// Where a block collection ends: the next content, or for the end of the text the start of the line after
        /// the last (YamlDotNet ends the stream as if the text ended with a line break).
        /// </summary>
        private TextPosition EndMark() =>
            AtEnd && _lineStart < _end
                ? new TextPosition(_origin.Offset + _end - _start, _origin.Line + _line + 1, 0)
                : Mark(_pos);

        /// <summary>Skips blank lines and comment lines, standing on the next content or the end.</summary>
        /// <returns>False for a document marker (<c>---</c>, <c>...</c>) or a directive at the margin.</returns>
        public bool SkipToNextContent()
        {
            while (true)
            {
                SkipSpaces();
                var c = At(_pos);
                if (c == '#')
                {
                    SkipComment();
                    c = At(_pos);
                }

                if (c is '\n' or '\r')
                {
                    NextLine();
                    continue;
                }

                if (AtEnd)
                {
                    return true;
                }

                return Column != 0 || !(c == '%' || IsDocumentMarker('-') || IsDocumentMarker('.'));
            }
        }

        private bool IsDocumentMarker(char c) => At(_pos) == c && At(_pos + 1) == c && At(_pos + 2) == c && IsBlankOrEnd(_pos + 3);

        private void SkipComment()
        {
            while (!AtEnd && _yaml[_pos] is not ('\n' or '\r'))
            {
                _pos++;
            }
        }

        private void NextLine()
        {
            _pos += _yaml[_pos] == '\r' ? 2 : 1;
            _line++;
            _lineStart = _pos;
        }

        /// <summary>After a value written on its line: only blanks and a comment may follow, then the next content.</summary>
        private bool FinishLine()
        {
            SkipSpaces();
            if (At(_pos) == '#')
            {
                if (_yaml[_pos - 1] != ' ')
                {
                    return false; // '#' right after a value is no comment ("x"#c is an error)
                }

                SkipComment();
            }

            if (!AtEnd && _yaml[_pos] is not ('\n' or '\r'))
            {
                return false;
            }

            return SkipToNextContent();
        }

        /// <summary>A node that starts a line (after its indentation), or follows a sequence's "- ".</summary>
        public YamlNode? ReadBlockNode(int depth)
        {
            if (IsTooLarge(depth))
            {
                return null;
            }

            if (AtSequenceItem)
            {
                return ReadBlockSequence(Column, indentless: false, depth);
            }

            if (At(_pos) == '[')
            {
                return EndOfLine(ReadFlowSequence(depth));
            }

            var column = Column;
            var scalar = ReadScalar(flow: false);
            if (scalar is null)
            {
                return null;
            }

            if (At(_pos) == ':' && IsBlankOrEnd(_pos + 1))
            {
                return ReadBlockMapping(scalar, column, depth);
            }

            return FinishLine() ? scalar : null;
        }

        private YamlMapping? ReadBlockMapping(YamlScalar firstKey, int column, int depth)
        {
            var entries = new List<YamlMappingEntry>();
            long size = 1;
            var key = firstKey;
            while (true)
            {
                if (key.Range.End.Offset - key.Range.Start.Offset > MaxKeyLength)
                {
                    return null;
                }

                // On the ':' after the key.
                var nullMark = Mark(_pos + 1);
                YamlNode? value;
                if (SkipIndicator() is not { } nothingFollows)
                {
                    return null;
                }

                if (nothingFollows)
                {
                    // The value is on the lines below, or there is none.
                    value = !AtEnd && Column > column ? ReadBlockNode(depth + 1)
                        : !AtEnd && Column == column && AtSequenceItem ? ReadBlockSequence(column, indentless: true, depth + 1)
                        : Null(nullMark);
                }
                else
                {
                    value = ReadInlineValue(depth + 1);
                }

                if (value is null)
                {
                    return null;
                }

                size += key.ExpandedSize + value.ExpandedSize;
                entries.Add(new YamlMappingEntry(key, value));

                if (AtEnd || Column < column)
                {
                    break;
                }

                if (Column > column || ReadKey() is not { } next)
                {
                    return null;
                }

                key = next;
            }

            return new YamlMapping(new SourceRange(firstKey.Range.Start, EndMark()), entries.ToEquatableArray(), size);
        }

        private YamlSequence? ReadBlockSequence(int column, bool indentless, int depth)
        {
            var start = Mark(_pos);
            var items = new List<YamlNode>();
            long size = 1;
            while (true)
            {
                // On the '-'.
                var nullMark = Mark(_pos + 1);
                YamlNode? item;
                if (SkipIndicator() is not { } nothingFollows)
                {
                    return null;
                }

                if (nothingFollows)
                {
                    item = !AtEnd && Column > column ? ReadBlockNode(depth + 1) : Null(nullMark);
                }
                else
                {
                    // "- - x" (a list in a list on one line) is rare enough to leave to YamlDotNet.
                    item = AtSequenceItem ? null : ReadBlockNode(depth + 1);
                }

                if (item is null)
                {
                    return null;
                }

                size += item.ExpandedSize;
                items.Add(item);

                if (AtEnd || Column < column)
                {
                    break;
                }

                if (Column > column)
                {
                    return null;
                }

                if (!AtSequenceItem)
                {
                    // A key at the sequence's own column ends a sequence written at its key's indentation, and is
                    // an error after one indented deeper.
                    if (indentless)
                    {
                        break;
                    }

                    return null;
                }
            }

            return new YamlSequence(new SourceRange(start, EndMark()), items.ToEquatableArray(), size);
        }

        /// <summary>
        /// Steps over a ':' or '-' and the blanks after it. True when nothing but a comment follows on the line (the
        /// reader then stands on the next content: a value on the lines below, or none), false when a value follows
        /// on the line (the reader stands on it), null to decline.
        /// </summary>
        private bool? SkipIndicator()
        {
            _pos++;
            SkipSpaces();
            if (!AtEnd && _yaml[_pos] is not ('#' or '\n' or '\r'))
            {
                return false;
            }

            return FinishLine() ? true : null;
        }

        /// <summary>A mapping's value written on the key's line: a scalar or a flow sequence, then the line's end.</summary>
        private YamlNode? ReadInlineValue(int depth) =>
            IsTooLarge(depth) ? null : EndOfLine(At(_pos) == '[' ? ReadFlowSequence(depth) : ReadScalar(flow: false));

        /// <summary>
        /// A value that ends its line: null (decline) when anything but blanks and a comment follows it, or when it ends
        /// at ": " (a key where none may stand, "a: b: c" or "[a]: b", an error or a complex key).
        /// </summary>
        private YamlNode? EndOfLine(YamlNode? value) => value is null || At(_pos) == ':' || !FinishLine() ? null : value;

        /// <summary>Deeper or larger than the fast path goes (counting this node): left to YamlDotNet.</summary>
        private bool IsTooLarge(int depth) => depth > MaxDepth || ++_nodes > MaxNodes;

        private YamlScalar? ReadKey()
        {
            var key = AtSequenceItem || At(_pos) == '[' ? null : ReadScalar(flow: false);
            return key is not null && At(_pos) == ':' && IsBlankOrEnd(_pos + 1) ? key : null;
        }

        private void SkipSpaces()
        {
            while (At(_pos) == ' ')
            {
                _pos++;
            }
        }

        private YamlScalar Null(TextPosition at)
        {
            _nodes++;
            return new YamlScalar(new SourceRange(at, at), "", ScalarStyle.Plain);
        }
    }
}
