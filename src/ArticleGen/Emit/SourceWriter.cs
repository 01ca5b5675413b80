using System.Text;

namespace ArticleGen.Emit;

/// <summary>Writes C# text line by line with indentation; generated files always use '\n' line breaks.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>A line in three parts, so that a large literal in the middle is copied once, not concatenated first.</summary>
    public SourceWriter Line(string start, string middle, string end)
    {
        _builder.Append(' ', _indent * 4);
        _builder.Append(start).Append(middle).Append(end);
        _builder.Append('\n');
        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public int Indent
    {
        get => _indent;
        set => _indent = value;
    }

    public override string ToString() => _builder.ToString();
}
