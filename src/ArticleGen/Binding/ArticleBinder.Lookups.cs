using ArticleGen.Common;
using ArticleGen.Parsing;
using ArticleGen.Schema;

namespace ArticleGen.Binding;

internal static partial class ArticleBinder
{
    /// <summary>What binding looks up (a property by its key, an enum member by its name) and how its messages word things.</summary>
    private sealed partial class Binder
    {
        /// <summary>How to fix a scalar that did not convert, where there is something to say.</summary>
        private static string HintFor(YamlScalar scalar, FieldType type)
        {
            if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded && type.Kind != ValueKind.String && scalar.Value.EndsWith("\n", System.StringComparison.Ordinal))
            {
                return "; a block scalar ('|' or '>') keeps its final line break: write the value on the key's line";
            }

            return DateFormatGuess.Hint(scalar.Value, type);
        }

        private static BoundValue DateValue(System.DateTime date, FieldType type) => type.Kind switch
        {
            ValueKind.DateTimeOffset => new DateTimeOffsetValue(date.Ticks, 0),
            ValueKind.DateOnly => new DateOnlyValue(date.Year, date.Month, date.Day),
            _ => new DateTimeValue(date.Ticks),
        };

        /// <summary>Whether the value of <paramref name="key"/> in <paramref name="mapping"/> is YAML's null (an empty value, <c>~</c>).</summary>
        private static bool IsNullValue(YamlMapping mapping, YamlScalar key)
        {
            foreach (var entry in mapping.Entries)
            {
                if (ReferenceEquals(entry.Key, key))
                {
                    return entry.Value is YamlScalar { IsNull: true };
                }
            }

            return false;
        }

        /// <summary>The index of the property <paramref name="matchKey"/> binds to, or -1.</summary>
        private static int FindProperty(ObjectShape shape, string matchKey)
        {
            for (var i = 0; i < shape.Properties.Count; i++)
            {
                if (shape.Properties[i].MatchKey == matchKey)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Enum names match exactly, else ignoring case, '-' and '_' (<c>in-progress</c> is <c>InProgress</c>).</summary>
        private static string? FindEnumMember(FieldType type, string text)
        {
            foreach (var member in type.EnumMembers)
            {
                if (member == text)
                {
                    return member;
                }
            }

            var normalized = KeyName.NormalizeEnumName(text);
            foreach (var member in type.EnumMembers)
            {
                if (KeyName.NormalizeEnumName(member) == normalized)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>A nested path for messages (<c>provider.images[0].width</c>); a key of megabytes is shortened.</summary>
        private static string Join(string path, string key) => path.Length == 0 ? Shorten(key) : path + "." + Shorten(key);

        private static string Shorten(string key) => MessageText.Shorten(key);

        private static string PathOr(string path, string fallback) => path.Length == 0 ? fallback : "'" + path + "'";
    }
}
