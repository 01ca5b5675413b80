using System.Collections.Generic;
using ArticleGen.Common;

namespace ArticleGen.Schema.Inference;

/// <summary>
/// The merge of many files' shapes, built in place: merging 10,000 immutable shapes one into the next would copy every
/// key list 10,000 times. Adds up exactly as <see cref="ValueShape.Merge"/> does, and gives the same shape.
/// </summary>
internal sealed class ShapeBuilder
{
    private readonly List<(string Key, ShapeBuilder Value)> _keys = [];
    private readonly Dictionary<string, int> _keyIndex = new(System.StringComparer.Ordinal);
    private int _occurrences;
    private ScalarKind _scalar;
    private bool _hasNull;
    private bool _hasList;
    private bool _hasMapping;
    private ShapeBuilder? _item;

    /// <summary>Adds <paramref name="shape"/> <paramref name="times"/> times: a merge counts a shape's places each time and takes nothing else from a repeat.</summary>
    public void Add(ValueShape shape, int times = 1)
    {
        _occurrences += shape.Occurrences * times;
        _scalar = ValueShape.Widen(_scalar, shape.Scalar);
        _hasNull |= shape.HasNull;
        _hasList |= shape.HasList;
        _hasMapping |= shape.HasMapping;
        if (shape.Item is { } item)
        {
            (_item ??= new ShapeBuilder()).Add(item, times);
        }

        foreach (var key in shape.Keys)
        {
            var normalized = KeyName.Normalize(key.Key);
            if (!_keyIndex.TryGetValue(normalized, out var at))
            {
                at = _keys.Count;
                _keyIndex.Add(normalized, at);
                _keys.Add((key.Key, new ShapeBuilder()));
            }

            _keys[at].Value.Add(key.Value, times);
        }
    }

    public ValueShape Build()
    {
        var keys = new KeyShape[_keys.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new KeyShape(_keys[i].Key, _keys[i].Value.Build());
        }

        return new ValueShape(_occurrences, _scalar, _hasNull, _hasList, _item?.Build(), _hasMapping, keys.ToEquatableArray());
    }
}
