namespace Basis.Core.Simulation;

/// <summary>
/// Binary framing shared by checkpoints, segments and the state inside them: little-endian, doubles bit-exact, and a
/// clear error for bytes that are truncated, of the wrong kind or format version, or followed by anything unexpected.
/// </summary>
internal static class StateBytes
{
    public const byte FormatVersion = 1;

    public static byte[] Write(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    public static T Read<T>(ReadOnlySpan<byte> bytes, string what, Func<BinaryReader, T> read)
    {
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

    /// <summary>Writes the kind byte and the format version that <see cref="ReadHeader"/> checks.</summary>
    public static void WriteHeader(BinaryWriter writer, byte kind)
    {
        writer.Write(kind);
        writer.Write(FormatVersion);
    }

    public static void ReadHeader(BinaryReader reader, byte kind, string what)
    {
        if (reader.ReadByte() != kind)
        {
            throw new InvalidDataException($"These bytes are not a {what}.");
        }

        var version = reader.ReadByte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The {what} has format version {version}; this engine reads version {FormatVersion}.");
        }
    }
}
