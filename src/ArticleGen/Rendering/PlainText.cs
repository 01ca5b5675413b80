using System.Text;
using Markdig.Extensions.Abbreviations;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ArticleGen.Rendering;

/// <summary>The text a reader sees in a parsed body: a heading's text, and the words of the whole body (contract §6).</summary>
internal static class PlainText
{
    /// <summary>A heading's inline text: code spans keep their text; emphasis, raw HTML and <c>{#id}</c> attributes are dropped.</summary>
    public static string OfHeading(HeadingBlock heading)
    {
        var text = new StringBuilder();
        if (heading.Inline is { } inline)
        {
            AppendInlines(text, inline, forWords: false);
        }

        return Collapse(text);
    }

    /// <summary>
    /// The words of paragraphs, headings, lists, tables and code (not URLs, link destinations, images or raw HTML),
    /// and apart from them the Han, Hiragana and Katakana characters, which count one each.
    /// </summary>
    public static (int Words, int CjkCharacters) CountWords(MarkdownDocument document)
    {
        var text = new StringBuilder();
        AppendBlock(text, document);
        return Count(text);
    }

    private static void AppendBlock(StringBuilder text, Block block)
    {
        switch (block)
        {
            case HtmlBlock:
                return; // raw HTML: tags, not text
            case CodeBlock code:
                // Fenced or indented code (and math blocks, which are fenced code to Markdig): its lines are text.
                // (Lines.Lines is null for an empty block, and longer than Count otherwise.)
                for (var i = 0; i < code.Lines.Count; i++)
                {
                    var slice = code.Lines.Lines[i].Slice;
                    if (slice.Text is not null && slice.Length > 0)
                    {
                        text.Append(slice.Text, slice.Start, slice.Length);
                    }

                    text.Append('\n');
                }

                return;
            case LeafBlock { Inline: { } inline }:
                AppendInlines(text, inline, forWords: true);
                text.Append('\n');
                return;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(text, child);
                }

                return;
        }
    }

    private static void AppendInlines(StringBuilder text, ContainerInline container, bool forWords)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.Text, literal.Content.Start, literal.Content.Length);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.Text, entity.Transcoded.Start, entity.Transcoded.Length);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case AbbreviationInline abbreviation:
                    text.Append(abbreviation.Abbreviation?.Label); // the abbreviation as written ("HTML")
                    break;
                case MathInline { Content.Text: not null } math:
                    text.Append(math.Content.Text, math.Content.Start, math.Content.Length);
                    break;
                case AutolinkInline autolink:
                    if (!forWords)
                    {
                        text.Append(autolink.Url); // the text a heading shows
                    }

                    break;
                case LinkInline { IsAutoLink: true } when forWords:
                    break; // a bare URL is not a word
                case LinkInline { IsImage: true } when forWords:
                    break; // an image's alt text is not read
                case ContainerInline nested:
                    AppendInlines(text, nested, forWords);
                    break;
                case TaskList:
                case HtmlInline:
                default:
                    break;
            }
        }
    }

    /// <summary>Runs of whitespace as one space, trimmed.</summary>
    private static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// A word is a run of characters between whitespace that holds a letter or a digit (so "—" alone is not one, and
    /// "well-known" is one); each Han, Hiragana or Katakana character is counted apart and ends the run it is in.
    /// </summary>
    internal static (int Words, int CjkCharacters) Count(StringBuilder text)
    {
        int words = 0, cjk = 0;
        var inWord = false;
        var wordHasLetter = false;
        var wordStart = 0;
        var end = 0;
        for (var i = 0; i < text.Length; i++)
        {
            end = i;
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (IsCjk(codePoint))
            {
                cjk++;
                EndWord();
                continue;
            }

            if (codePoint < 0x10000 && char.IsWhiteSpace((char)codePoint))
            {
                EndWord();
                continue;
            }

            if (!inWord)
            {
                wordStart = codePoint >= 0x10000 ? i - 1 : i;
            }

            inWord = true;
            wordHasLetter |= codePoint >= 0x10000 || char.IsLetterOrDigit((char)codePoint);
        }

        end = text.Length;
        EndWord();
        return (words, cjk);

        void EndWord()
        {
            if (inWord && wordHasLetter && !IsUrl(text, wordStart, end))
            {
                words++;
            }

            inWord = false;
            wordHasLetter = false;
        }
    }

    /// <summary>A URL written as text (a link's text that is its address, "see https://…"): not a word (contract §6).</summary>
    private static bool IsUrl(StringBuilder text, int start, int end)
    {
        // Leading punctuation ("(https://…", "<www.…") is not part of the address.
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        return StartsWith(text, start, end, "http://") || StartsWith(text, start, end, "https://") || StartsWith(text, start, end, "www.");
    }

    private static bool StartsWith(StringBuilder text, int start, int end, string prefix)
    {
        if (end - start < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (char.ToLowerInvariant(text[start + i]) != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Han (the unified ideographs and their extensions, compatibility ideographs), Hiragana, Katakana (with the prolonged sound mark ー).</summary>
    internal static bool IsCjk(int codePoint) => codePoint switch
    {
        >= 0x3040 and <= 0x309F => true, // Hiragana
        >= 0x30A0 and <= 0x30FF => true, // Katakana, ー (U+30FC)
        >= 0x31F0 and <= 0x31FF => true, // Katakana phonetic extensions
        >= 0xFF66 and <= 0xFF9F => true, // half-width Katakana, ｰ
        >= 0x3400 and <= 0x4DBF => true, // Han extension A
        >= 0x4E00 and <= 0x9FFF => true, // Han
        >= 0xF900 and <= 0xFAFF => true, // Han compatibility
        >= 0x20000 and <= 0x3134F => true, // Han extensions B to G, compatibility supplement
        _ => false,
    };
}
