using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace ArticleGen.Rendering;

/// <summary>
/// The writer Markdig renders into: it keeps the HTML, and notes which runs of it are the body's own text, unchanged
/// (most of a page: its words and its code). The catalog then stores those runs as places in the body, which it
/// holds already, instead of a second copy of the text: the compiled data grows with the markup, not with the words.
/// </summary>
/// <remarks>
/// Markdig writes a literal run as a copy of its characters, so a run is found by its content: searched for just
/// after the last run found (the body is rendered in order), and, for a long run, anywhere. A run that is not found
/// (text Markdig changed: escaped, lowercased into an id, a tab expanded) stays in the HTML as text. Every span is a
/// place where the HTML and the body hold the same characters, so the HTML reads back exactly whatever is found.
/// </remarks>
internal sealed class HtmlRecorder(string body) : TextWriter(CultureInfo.InvariantCulture)
{
    /// <summary>Runs shorter than this stay text: a place costs about as much as a few characters.</summary>
    private const int ShortestRun = 12;

    /// <summary>How far past the last run found a run is looked for (markup, a link's address, come between two runs).</summary>
    private const int Window = 512;

    /// <summary>Runs at least this long are looked for anywhere in the body when they are not just after the last one.</summary>
    private const int LongRun = 48;

    private readonly List<BodySpan> _spans = [];
    private int _cursor;

    public StringBuilder Html { get; } = new();

    /// <summary>The runs of <see cref="Html"/> that are the body's text, in order, never overlapping.</summary>
    public IReadOnlyList<BodySpan> Spans => _spans;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Html.Append(value);

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < ShortestRun)
        {
            Html.Append(value); // markup: never a run of the body worth a place
            return;
        }

        Write(value.ToCharArray(), 0, value.Length);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (count >= ShortestRun && Find(buffer, index, count) is var at and >= 0)
        {
            var htmlStart = Html.Length;
            if (_spans.Count > 0 && _spans[_spans.Count - 1] is var last && last.HtmlStart + last.Length == htmlStart && last.BodyStart + last.Length == at)
            {
                _spans[_spans.Count - 1] = last with { Length = last.Length + count };
            }
            else
            {
                _spans.Add(new BodySpan(htmlStart, at, count));
            }

            _cursor = at + count;
        }

        Html.Append(buffer, index, count);
    }

    /// <summary>Where the body holds these characters: just after the last run, or (a long run) anywhere; -1 when nowhere.</summary>
    private int Find(char[] buffer, int index, int count)
    {
        var windowEnd = System.Math.Min(body.Length - count, _cursor + Window);
        for (var start = _cursor; start <= windowEnd; start++)
        {
            if (Matches(buffer, index, count, start))
            {
                return start;
            }
        }

        if (count < LongRun)
        {
            return -1;
        }

        var anywhere = body.IndexOf(new string(buffer, index, count), System.StringComparison.Ordinal);
        return anywhere;
    }

    private bool Matches(char[] buffer, int index, int count, int start)
    {
        if (body[start] != buffer[index])
        {
            return false;
        }

        for (var i = 1; i < count; i++)
        {
            if (body[start + i] != buffer[index + i])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A run of rendered HTML that is the body's text from <paramref name="BodyStart"/>, unchanged.</summary>
internal readonly record struct BodySpan(int HtmlStart, int BodyStart, int Length);

/// <summary>A piece of HTML as the catalog stores it: <paramref name="Text"/>, or (when null) the body's text from <paramref name="BodyStart"/>.</summary>
internal readonly record struct HtmlPart(string? Text, int BodyStart, int Length);
