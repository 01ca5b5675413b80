using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using ArticleGen.Common;
using ArticleGen.Diagnostics;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ArticleGen.Parsing;

/// <summary>
/// Reads front matter into a <see cref="YamlNode"/> tree whose every node knows its place in the article file.
/// Scalars stay text: what they mean is decided later by the declared C# type. The common forms go through
/// <see cref="SimpleYamlReader"/> (about nine times faster); everything else, and every mistake, through YamlDotNet's
/// event parser, which gives the same tree for what both read.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>Deeper nesting is refused: real front matter is a few levels deep, and the tree is walked recursively.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a document may stand for once its aliases are expanded (a "billion laughs" file stops here).</summary>
    public const long MaxExpandedNodes = 100_000;

    internal readonly record struct Result(YamlMapping? Root, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>How many quoted values with unindented continuation lines one front matter may have (each costs a re-read).</summary>
    private const int MaxLenientRereads = 256;

    public static Result Read(string yaml, TextPosition origin, string filePath, CancellationToken cancellationToken) =>
        Read(yaml, 0, yaml.Length, origin, filePath, cancellationToken);

    /// <summary>Reads the front matter between <paramref name="start"/> and <paramref name="end"/> of a whole file (copied out only for YamlDotNet).</summary>
    /// <param name="origin">Where <paramref name="start"/> is in the file.</param>
    public static Result Read(string text, int start, int end, TextPosition origin, string filePath, CancellationToken cancellationToken)
    {
        RequireYamlDotNet();
        if (SimpleYamlReader.TryRead(text, start, end, origin, out var simple))
        {
            return new Result(simple ?? EmptyMapping(origin), EquatableArray<DiagnosticInfo>.Empty);
        }

        return ReadWithYamlDotNet(text.Substring(start, end - start), origin, filePath, cancellationToken);
    }

    /// <summary>
    /// Makes a broken installation (YamlDotNet missing or damaged beside the generator) fail every article alike, with
    /// ART016 from the caller, whichever reader its front matter takes: with the simple reader alone, a broken package
    /// would build one site and not another. Once the type has loaded, this is an empty call.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RequireYamlDotNet() => GC.KeepAlive(typeof(Parser));

    /// <summary>Reads any YAML, and words every mistake (the path for what <see cref="SimpleYamlReader"/> declines).</summary>
    internal static Result ReadWithYamlDotNet(string yaml, TextPosition origin, string filePath, CancellationToken cancellationToken)
    {
        var lenient = QuotedContinuations.None;
        for (var attempt = 0; ; attempt++)
        {
            var result = Read(yaml, lenient, origin, filePath, cancellationToken, out var unindentedQuoteAt);
            if (unindentedQuoteAt < 0 || attempt == MaxLenientRereads || lenient.Add(yaml, unindentedQuoteAt) is not { } wider)
            {
                return result;
            }

            lenient = wider;
        }
    }

    /// <param name="unindentedQuoteAt">
    /// Where a quoted value starts whose continuation lines are not indented (-1 when none failed): YAML 1.2 wants
    /// them indented, libyaml (and so Jekyll, and the sites it builds) reads them, so the caller indents them and
    /// reads again.
    /// </param>
    private static Result Read(string yaml, QuotedContinuations lenient, TextPosition origin, string filePath, CancellationToken cancellationToken, out int unindentedQuoteAt)
    {
        unindentedQuoteAt = -1;
        var builder = new TreeBuilder(lenient.Apply(yaml), lenient, origin, cancellationToken);
        try
        {
            var root = builder.ReadDocument();
            if (root is null)
            {
                return new Result(EmptyMapping(origin), EquatableArray<DiagnosticInfo>.Empty);
            }

            if (root is not YamlMapping mapping)
            {
                var found = root is YamlSequence ? "a list" : "a scalar " + root.Describe();
                return Failure(DiagnosticDescriptors.FrontMatterNotMapping, root.Range, found);
            }

            return new Result(mapping, EquatableArray<DiagnosticInfo>.Empty);
        }
        catch (YamlException exception)
        {
            if (IsUnindentedQuotedContinuation(exception))
            {
                unindentedQuoteAt = lenient.OriginalOffset((int)exception.Start.Index);
            }

            // YamlDotNet reports a tab used as indentation at the start of the enclosing mapping, often lines above;
            // its scanner stands on the tab itself.
            var at = exception.Message.Contains("invalid tab as indentation")
                ? builder.RangeOf(builder.ScannerPosition, builder.ScannerPosition)
                : builder.RangeOf(exception.Start, exception.End);
            return Failure(DiagnosticDescriptors.InvalidYaml, at, CleanMessage(exception));
        }
        catch (UnreadableFrontMatterException exception)
        {
            return Failure(DiagnosticDescriptors.InvalidYaml, exception.Range, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // YamlDotNet throws other exceptions on some malformed input (an InvalidOperationException from its
            // scanner for an unclosed flow sequence followed by a mapping line); the article still gets a
            // diagnostic, at the place the scanner had reached, instead of taking the compiler down with it.
            var at = builder.RangeOf(builder.ScannerPosition, builder.ScannerPosition);
            return Failure(DiagnosticDescriptors.InvalidYaml, at, "the YAML cannot be read past this point (" + exception.GetType().Name + ")");
        }

        Result Failure(DiagnosticDescriptor descriptor, SourceRange range, string message) =>
            new(null, new[] { DiagnosticInfo.Create(descriptor, new LocationInfo(filePath, range.Span, range.LineSpan), message) }.ToEquatableArray());
    }

    /// <summary>Empty front matter ("---" then "---", or only comments) is an empty mapping: every key is absent.</summary>
    private static YamlMapping EmptyMapping(TextPosition origin) =>
        new(new SourceRange(origin, origin), EquatableArray<YamlMappingEntry>.Empty, 1);

    private static bool IsUnindentedQuotedContinuation(YamlException exception) =>
        exception.Message.Contains("quoted scalar, found wrong indentation");

    /// <summary>YamlDotNet puts "(Line: 1, Col: 2, Idx: 3) - (…): " before its message; the diagnostic's location already says it.</summary>
    private static string CleanMessage(YamlException exception)
    {
        var message = exception.Message;
        if (message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            var separator = message.IndexOf("): ", StringComparison.Ordinal);
            if (separator >= 0)
            {
                message = message.Substring(separator + 3);
            }
        }

        return message.Trim();
    }

    private sealed class UnreadableFrontMatterException(SourceRange range, string message) : Exception(message)
    {
        public SourceRange Range { get; } = range;
    }

    /// <summary>Turns the parser's event stream into nodes, enforcing the depth and alias-expansion limits.</summary>
    private sealed class TreeBuilder
    {
        private readonly string _yaml;
        private readonly TextPosition _origin;
        private readonly CancellationToken _cancellationToken;
        private readonly Scanner _scanner;
        private readonly Parser _parser;

        private readonly QuotedContinuations _lenient;

        public TreeBuilder(string yaml, QuotedContinuations lenient, TextPosition origin, CancellationToken cancellationToken)
        {
            _yaml = yaml;
            _lenient = lenient;
            _origin = origin;
            _cancellationToken = cancellationToken;
            _scanner = new Scanner(new StringReader(yaml));
            _parser = new Parser(_scanner);
        }

        /// <summary>How far the scanner got: the place to report a failure that carries no position of its own.</summary>
        public Mark ScannerPosition => _scanner.CurrentPosition;
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private long _expandedNodes;

        public YamlNode? ReadDocument()
        {
            Expect<StreamStart>();
            if (Accept<StreamEnd>())
            {
                return null;
            }

            Expect<DocumentStart>();
            var root = ReadNode(depth: 1);
            Expect<DocumentEnd>();
            if (!Accept<StreamEnd>())
            {
                throw new UnreadableFrontMatterException(RangeOf(_parser.Current!.Start, _parser.Current.End), "front matter holds more than one YAML document");
            }

            return root is YamlScalar { IsNull: true, Value: "" } ? null : root;
        }

        public SourceRange RangeOf(Mark start, Mark end) => new(PositionOf(start), PositionOf(end));

        private YamlNode ReadNode(int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var current = Current();
            switch (current)
            {
                case Scalar scalar:
                    _parser.MoveNext();
                    return Remember(scalar.Anchor, Count(new YamlScalar(RangeOf(scalar.Start, scalar.End), scalar.Value, StyleOf(scalar.Style))));

                case AnchorAlias alias:
                    _parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new UnreadableFrontMatterException(RangeOf(alias.Start, alias.End), $"the alias '*{alias.Value.Value}' names no anchor before it");
                    }

                    AddExpanded(target.ExpandedSize, alias.Start, alias.End);
                    return target;

                case SequenceStart start:
                    CheckDepth(depth, start);
                    _parser.MoveNext();
                    var items = new List<YamlNode>();
                    long sequenceSize = 1;
                    while (!(Current() is SequenceEnd))
                    {
                        var item = ReadNode(depth + 1);
                        sequenceSize = Saturate(sequenceSize + item.ExpandedSize);
                        items.Add(item);
                    }

                    var sequenceEnd = Current();
                    _parser.MoveNext();
                    AddExpanded(1, start.Start, start.End);
                    return Remember(start.Anchor, new YamlSequence(RangeOf(start.Start, sequenceEnd.End), items.ToEquatableArray(), sequenceSize));

                case MappingStart start:
                    CheckDepth(depth, start);
                    _parser.MoveNext();
                    var entries = new List<YamlMappingEntry>();
                    long mappingSize = 1;
                    while (!(Current() is MappingEnd))
                    {
                        var key = ReadNode(depth + 1);
                        var value = ReadNode(depth + 1);
                        mappingSize = Saturate(mappingSize + key.ExpandedSize + value.ExpandedSize);
                        entries.Add(new YamlMappingEntry(key, value));
                    }

                    var mappingEnd = Current();
                    _parser.MoveNext();
                    AddExpanded(1, start.Start, start.End);
                    return Remember(start.Anchor, new YamlMapping(RangeOf(start.Start, mappingEnd.End), entries.ToEquatableArray(), mappingSize));

                default:
                    throw new UnreadableFrontMatterException(RangeOf(current.Start, current.End), "unexpected " + current.GetType().Name);
            }
        }

        private YamlNode Count(YamlNode node)
        {
            AddExpanded(1, default, default);
            return node;
        }

        private YamlNode Remember(AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        private void AddExpanded(long nodes, Mark start, Mark end)
        {
            _expandedNodes = Saturate(_expandedNodes + nodes);
            if (_expandedNodes > MaxExpandedNodes)
            {
                throw new UnreadableFrontMatterException(
                    RangeOf(start, end),
                    $"the front matter expands to more than {MaxExpandedNodes:N0} nodes once its aliases are expanded");
            }
        }

        private void CheckDepth(int depth, ParsingEvent at)
        {
            if (depth > MaxDepth)
            {
                throw new UnreadableFrontMatterException(RangeOf(at.Start, at.End), $"the front matter nests deeper than {MaxDepth} levels");
            }
        }

        private static long Saturate(long value) => value < 0 ? long.MaxValue : value;

        private ParsingEvent Current()
        {
            if (_parser.Current is null && !_parser.MoveNext())
            {
                throw new YamlException("the front matter ends unexpectedly");
            }

            return _parser.Current!;
        }

        private void Expect<T>()
            where T : ParsingEvent
        {
            if (Current() is not T)
            {
                throw new YamlException(_parser.Current!.Start, _parser.Current.End, $"expected {typeof(T).Name} but found {_parser.Current.GetType().Name}");
            }

            _parser.MoveNext();
        }

        private bool Accept<T>()
            where T : ParsingEvent
        {
            if (Current() is T)
            {
                _parser.MoveNext();
                return true;
            }

            return false;
        }

        private TextPosition PositionOf(Mark mark)
        {
            // YamlDotNet counts lines and columns from 1; the front matter starts on the file's line origin.Line.
            var line = Math.Max(0, (int)mark.Line - 1);
            var column = Math.Max(0, (int)mark.Column - 1);
            var offset = Math.Min(_yaml.Length, Math.Max(0, (int)mark.Index));
            if (_lenient.IsIndented(line) && column > 0)
            {
                column--; // the space read-leniency added to this line is not in the file
            }

            return new TextPosition(_origin.Offset + _lenient.OriginalOffset(offset), _origin.Line + line, column);
        }

        private static ScalarStyle StyleOf(YamlDotNet.Core.ScalarStyle style) => style switch
        {
            YamlDotNet.Core.ScalarStyle.SingleQuoted => ScalarStyle.SingleQuoted,
            YamlDotNet.Core.ScalarStyle.DoubleQuoted => ScalarStyle.DoubleQuoted,
            YamlDotNet.Core.ScalarStyle.Literal => ScalarStyle.Literal,
            YamlDotNet.Core.ScalarStyle.Folded => ScalarStyle.Folded,
            _ => ScalarStyle.Plain,
        };
    }
}
