using System.Collections.Generic;
using System.Text;
using ArticleGen.Common;

namespace ArticleGen.Rendering;

/// <summary>
/// What an article's body renders to, before the links between articles are rewritten (which depends on the other
/// articles, so it happens when the catalog is built): a function of the body and its collection's Markdown alone.
/// </summary>
/// <param name="Html">The body as HTML, with every link's address as written.</param>
/// <param name="Holes">The places in <see cref="Html"/> where a link to another article's Markdown file has its address, in order.</param>
/// <param name="ExcerptStart">Where the excerpt starts in <see cref="Html"/>.</param>
/// <param name="ExcerptEnd">Where it ends (equal to the start for an empty excerpt).</param>
/// <param name="Headings">Every heading, in order.</param>
/// <param name="Links">Every link and image whose target the build can check (not <c>http:</c>, <c>mailto:</c> and other schemes), in order.</param>
/// <param name="Words">Words of the text, other than Chinese and Japanese characters.</param>
/// <param name="CjkCharacters">Han, Hiragana and Katakana characters (with <c>ー</c>), each a word of its own.</param>
/// <param name="Spans">The runs of <see cref="Html"/> that are the body's own text (<see cref="HtmlRecorder"/>).</param>
internal sealed record RenderedBody(
    string Html,
    EquatableArray<HtmlHole> Holes,
    int ExcerptStart,
    int ExcerptEnd,
    EquatableArray<HeadingInfo> Headings,
    EquatableArray<BodyLink> Links,
    int Words,
    int CjkCharacters,
    EquatableArray<BodySpan> Spans = default)
{
    /// <summary>Everything a reader counts as a word: Chinese and Japanese characters one each.</summary>
    public int WordCount => Words + CjkCharacters;

    /// <summary>Whole minutes at 200 words or 500 Chinese and Japanese characters a minute, rounded up, at least one.</summary>
    public int ReadingMinutes
    {
        get
        {
            // words/200 + characters/500 = (5·words + 2·characters)/1000, in integers: no rounding error at a boundary.
            var thousandths = (5L * Words) + (2L * CjkCharacters);
            var minutes = (thousandths + 999) / 1000;
            return minutes < 1 ? 1 : (int)minutes;
        }
    }

    /// <summary>
    /// The HTML from <paramref name="start"/> to <paramref name="end"/> as the catalog stores it, with each hole's
    /// address replaced by what <paramref name="rewrite"/> returns for its link (null keeps the address as written):
    /// text, and runs of the body's own text named by their place in it (<see cref="Spans"/>).
    /// </summary>
    public EquatableArray<HtmlPart> Compose(int start, int end, System.Func<BodyLink, string?> rewrite)
    {
        // The addresses to replace, in order.
        var replacements = new List<(int Start, int End, string Address)>();
        foreach (var hole in Holes)
        {
            if (hole.Start >= start && hole.Start + hole.Length <= end && rewrite(Links[hole.Link]) is { } address)
            {
                replacements.Add((hole.Start, hole.Start + hole.Length, address));
            }
        }

        var parts = new List<HtmlPart>();
        var text = new StringBuilder();
        var span = 0;
        var replacement = 0;
        var position = start;
        while (position < end)
        {
            if (replacement < replacements.Count && replacements[replacement].Start == position)
            {
                text.Append(replacements[replacement].Address);
                position = replacements[replacement++].End;
                continue;
            }

            while (span < Spans.Count && Spans[span].HtmlStart + Spans[span].Length <= position)
            {
                span++;
            }

            var stop = replacement < replacements.Count ? System.Math.Min(end, replacements[replacement].Start) : end;
            if (span < Spans.Count && Spans[span].HtmlStart <= position)
            {
                // The body's own text: a place in it.
                var current = Spans[span];
                var runEnd = System.Math.Min(stop, current.HtmlStart + current.Length);
                if (text.Length > 0)
                {
                    parts.Add(new HtmlPart(text.ToString(), 0, 0));
                    text.Clear();
                }

                parts.Add(new HtmlPart(null, current.BodyStart + (position - current.HtmlStart), runEnd - position));
                position = runEnd;
                continue;
            }

            var textEnd = span < Spans.Count ? System.Math.Min(stop, Spans[span].HtmlStart) : stop;
            text.Append(Html, position, textEnd - position);
            position = textEnd;
        }

        if (text.Length > 0)
        {
            parts.Add(new HtmlPart(text.ToString(), 0, 0));
        }

        return parts.ToEquatableArray();
    }
}

/// <summary>A link's address in the rendered HTML (the text between <c>href="</c> and <c>"</c>), as Markdig escaped it.</summary>
/// <param name="Link">The link's index in <see cref="RenderedBody.Links"/>.</param>
internal readonly record struct HtmlHole(int Start, int Length, int Link);

/// <summary>A heading as <c>ArticleHeading</c> holds it.</summary>
internal sealed record HeadingInfo(int Level, string Text, string Id);

/// <summary>A link or image of a body whose target the build checks.</summary>
/// <param name="Destination">The address as Markdig read it (entities and escapes resolved), fragment and query included.</param>
/// <param name="IsImage">An image (<c>![a](b.png)</c>): its target must be a file of the project.</param>
/// <param name="Location">Its <c>[</c>, or the <c>!</c> of an image, in the .md file.</param>
internal sealed record BodyLink(string Destination, bool IsImage, LocationInfo Location);
