using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace RolesAnywhere.Credentials.Identity.Decoding;

/// <summary>
/// A rented buffer for decoded key material (bytes or characters) that is zeroed when disposed,
/// whatever happened in between.
/// </summary>
/// <typeparam name="T"><see cref="byte"/> or <see cref="char"/>.</typeparam>
internal sealed class SensitiveBuffer<T> : IDisposable
    where T : unmanaged
{
    private T[]? _array;

    private SensitiveBuffer(T[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; private set; }

    public Span<T> Span => _array is null ? default : _array.AsSpan(0, Length);

    public Memory<T> Memory => _array is null ? default : _array.AsMemory(0, Length);

    public static SensitiveBuffer<T> Rent(int length) => new(ArrayPool<T>.Shared.Rent(Math.Max(length, 1)), length);

    /// <summary>Shrinks the visible length after a decoder wrote fewer items than it was given.</summary>
    public void Truncate(int length) => Length = Math.Clamp(length, 0, Length);

    public void Dispose()
    {
        if (_array is { } array)
        {
            CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(array.AsSpan()));
            ArrayPool<T>.Shared.Return(array);
            _array = null;
        }
    }
}
