using System;
using System.Buffers;
using System.Text;

namespace ArticleGen.Emit;

/// <summary>
/// A store's data as UTF-8 bytes, written as they are made. A chunk's data (about 100 KB) used to be built as a string,
/// copied, then encoded: each copy large enough for the large-object heap, whose allocations bring on the full
/// collections that made up a large share of a cold run. The buffer comes from the shared pool and goes back on
/// <see cref="Dispose"/>; numbers are written without making a string of them.
/// </summary>
internal sealed class DataWriter : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 12);

    /// <summary>The bytes written so far: <see cref="Length"/> of them, from the start of <see cref="Buffer"/>.</summary>
    public byte[] Buffer => _buffer;

    public int Length { get; private set; }

    public DataWriter Append(char ascii)
    {
        Reserve(1);
        _buffer[Length++] = (byte)ascii;
        return this;
    }

    /// <summary>Text whose UTF-8 length the caller has counted (<see cref="Utf8Length"/>), with no lone surrogate.</summary>
    public DataWriter Append(string text, int utf8Length)
    {
        Reserve(utf8Length);
        Length += Encoding.UTF8.GetBytes(text, 0, text.Length, _buffer, Length);
        return this;
    }

    public DataWriter Append(string ascii) => Append(ascii, ascii.Length);

    /// <summary>A number in invariant decimal digits.</summary>
    public DataWriter Append(long number)
    {
        Reserve(20);
        var magnitude = Magnitude(number);
        if (number < 0)
        {
            _buffer[Length++] = (byte)'-';
        }

        var digits = DigitCount(magnitude);
        for (var i = Length + digits - 1; i >= Length; i--)
        {
            _buffer[i] = (byte)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }

        Length += digits;
        return this;
    }

    /// <summary>How many characters <see cref="Append(long)"/> writes for <paramref name="number"/>.</summary>
    public static int TextLength(long number) => (number < 0 ? 1 : 0) + DigitCount(Magnitude(number));

    /// <summary>The number without its sign, <c>long.MinValue</c> included.</summary>
    private static ulong Magnitude(long number) => number < 0 ? (ulong)(-(number + 1)) + 1 : (ulong)number;

    /// <summary>The UTF-8 length of <paramref name="text"/>, or -1 when it holds a lone surrogate (which UTF-8 cannot carry).</summary>
    public static int Utf8Length(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                length++;
            }
            else if (c < 0x800)
            {
                length += 2;
            }
            else if (!char.IsSurrogate(c))
            {
                length += 3;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                length += 4;
                i++;
            }
            else
            {
                return -1;
            }
        }

        return length;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        Array.Copy(_buffer, bytes, Length);
        return bytes;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        ArrayPool<byte>.Shared.Return(buffer);
    }

    private static int DigitCount(ulong value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private void Reserve(int count)
    {
        if (Length + count <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + count));
        Array.Copy(_buffer, larger, Length);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
