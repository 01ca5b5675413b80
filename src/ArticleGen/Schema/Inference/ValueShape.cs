using System.Collections.Generic;
using System.Linq;
using ArticleGen.Common;

namespace ArticleGen.Schema.Inference;

/// <summary>The narrowest scalar type every value seen fits, from narrowest to widest; two kinds that do not nest meet at <see cref="String"/>.</summary>
internal enum ScalarKind
{
    None,
    Boolean,
    Int32,
    Int64,
    Double,
    Date,
    String,
}

/// <summary>
/// What the values written at one place of the front matter (a key, a list's items) look like, over every file seen:
/// how many times the place occurs, the scalar type they fit, whether one was null, a list, or a mapping (and then the
/// same for each of its keys). One file's front matter is read into one; the collection's is all of them merged.
/// Immutable and compared by value, so a file whose shape did not change leaves the collection's schema cached.
/// </summary>
/// <param name="Occurrences">How many values this place had (for a key: in how many of its parent mappings it was written).</param>
/// <param name="Scalar">The scalar type the scalars fit (<see cref="ScalarKind.None"/> when there was none).</param>
/// <param name="HasNull">A value was null (or empty).</param>
/// <param name="HasList">A value was a list: the place is a list, and scalars elsewhere are one-item lists.</param>
/// <param name="Item">What the lists' items look like.</param>
/// <param name="HasMapping">A value was a mapping.</param>
/// <param name="Keys">The mappings' keys, in the order first seen, each with the shape of its values.</param>
internal sealed record ValueShape(
    int Occurrences,
    ScalarKind Scalar = ScalarKind.None,
    bool HasNull = false,
    bool HasList = false,
    ValueShape? Item = null,
    bool HasMapping = false,
    EquatableArray<KeyShape> Keys = default)
{
    /// <summary>The shape of both: occurrences add up, scalar types widen, keys unite (by the binder's key rule).</summary>
    public static ValueShape Merge(ValueShape a, ValueShape b) => new(
        a.Occurrences + b.Occurrences,
        Widen(a.Scalar, b.Scalar),
        a.HasNull || b.HasNull,
        a.HasList || b.HasList,
        a.Item is null ? b.Item : b.Item is null ? a.Item : Merge(a.Item, b.Item),
        a.HasMapping || b.HasMapping,
        MergeKeys(a.Keys, b.Keys));

    public static ScalarKind Widen(ScalarKind a, ScalarKind b)
    {
        if (a == b || b == ScalarKind.None)
        {
            return a;
        }

        if (a == ScalarKind.None)
        {
            return b;
        }

        // Numbers widen into each other; anything else that disagrees is text.
        return IsNumber(a) && IsNumber(b) ? (a > b ? a : b) : ScalarKind.String;
    }

    private static bool IsNumber(ScalarKind kind) => kind is ScalarKind.Int32 or ScalarKind.Int64 or ScalarKind.Double;

    private static EquatableArray<KeyShape> MergeKeys(EquatableArray<KeyShape> a, EquatableArray<KeyShape> b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        var merged = new List<KeyShape>(a.AsImmutableArray());
        var index = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < merged.Count; i++)
        {
            index[KeyName.Normalize(merged[i].Key)] = i;
        }

        foreach (var key in b)
        {
            if (index.TryGetValue(KeyName.Normalize(key.Key), out var at))
            {
                merged[at] = merged[at] with { Value = Merge(merged[at].Value, key.Value) };
            }
            else
            {
                index[KeyName.Normalize(key.Key)] = merged.Count;
                merged.Add(key);
            }
        }

        return merged.ToEquatableArray();
    }
}

/// <summary>A key of a mapping, as first written, and the shape of its values.</summary>
internal sealed record KeyShape(string Key, ValueShape Value);
