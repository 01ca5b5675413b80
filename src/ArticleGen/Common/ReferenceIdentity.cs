using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ArticleGen.Common;

/// <summary>Compares by reference: two equal-looking values in two places are two things (two references to resolve, two links to find).</summary>
internal sealed class ReferenceIdentity<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceIdentity<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
