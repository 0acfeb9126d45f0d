namespace Basis.Core.Simulation;

/// <summary>
/// Binary framing shared by checkpoints, segments, the state inside them and stored result packs: little-endian,
/// doubles bit-exact, and an <see cref="InvalidDataException"/> saying what was expected for bytes that are
/// truncated, of the wrong kind or format version, or followed by anything unexpected. Memory only, no I/O.
/// </summary>
public static class StateBytes
{
    /// <summary>
    /// The format version of checkpoints, segments and engine state: bytes that live no longer than a run, so one
    /// version covers them all. Bytes that are stored for good (a result pack) carry a version of their own.
    /// </summary>
    public const byte FormatVersion = 1;

    /// <summary>The bytes <paramref name="write"/> writes through a <see cref="BinaryWriter"/> (little-endian).</summary>
    /// <param name="write">Writes the content.</param>
    /// <param name="capacity">The expected size, so that large content is not copied again and again as it grows.</param>
    public static byte[] Write(Action<BinaryWriter> write, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream(Math.Max(capacity, 0));
        using (var writer = new BinaryWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Reads <paramref name="bytes"/> with <paramref name="read"/>: throws <see cref="InvalidDataException"/> naming
    /// <paramref name="what"/> when they end before <paramref name="read"/> is done (an <see cref="EndOfStreamException"/>)
    /// or go on after it.
    /// </summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="what">What they should be, for messages (<c>simulation segment</c>).</param>
    /// <param name="read">Reads the content.</param>
    public static T Read<T>(ReadOnlySpan<byte> bytes, string what, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var reader = new BinaryReader(stream);
        try
        {
            var value = read(reader);
            return stream.Position == stream.Length ? value : throw new InvalidDataException($"The {what} has {stream.Length - stream.Position} unexpected bytes at its end.");
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"The {what} is truncated.", exception);
        }
    }

    /// <summary>Writes the kind byte and <see cref="FormatVersion"/>, which <see cref="ReadHeader(BinaryReader, byte, string)"/> checks.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="kind">One byte naming what follows.</param>
    public static void WriteHeader(BinaryWriter writer, byte kind) => WriteHeader(writer, [kind], FormatVersion);

    /// <summary>Writes <paramref name="magic"/> and a format version, which <see cref="ReadHeader(BinaryReader, ReadOnlySpan{byte}, byte, string)"/> checks.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="magic">The bytes that open every instance of the format.</param>
    /// <param name="version">The format's version.</param>
    public static void WriteHeader(BinaryWriter writer, ReadOnlySpan<byte> magic, byte version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(magic);
        writer.Write(version);
    }

    /// <summary>Checks the header <see cref="WriteHeader(BinaryWriter, byte)"/> wrote.</summary>
    /// <param name="reader">The reader, at the start of the bytes.</param>
    /// <param name="kind">The kind expected.</param>
    /// <param name="what">What the bytes should be, for messages.</param>
    public static void ReadHeader(BinaryReader reader, byte kind, string what) => ReadHeader(reader, [kind], FormatVersion, what);

    /// <summary>
    /// Checks the header <see cref="WriteHeader(BinaryWriter, ReadOnlySpan{byte}, byte)"/> wrote: throws
    /// <see cref="InvalidDataException"/> for other bytes or another version, and <see cref="EndOfStreamException"/>
    /// when the bytes end inside the header.
    /// </summary>
    /// <param name="reader">The reader, at the start of the bytes.</param>
    /// <param name="magic">The bytes expected first.</param>
    /// <param name="version">The version this code reads.</param>
    /// <param name="what">What the bytes should be, for messages.</param>
    public static void ReadHeader(BinaryReader reader, ReadOnlySpan<byte> magic, byte version, string what)
    {
        ArgumentNullException.ThrowIfNull(reader);
        foreach (var expected in magic)
        {
            if (reader.ReadByte() != expected)
            {
                throw new InvalidDataException($"These bytes are not a {what}.");
            }
        }

        var found = reader.ReadByte();
        if (found != version)
        {
            throw new InvalidDataException($"The {what} has format version {found}; this engine reads version {version}.");
        }
    }
}
