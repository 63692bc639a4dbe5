using System.Buffers.Binary;
using System.Text;

namespace NotebookKit.Kernel.Tests.EnvironmentScripts;

/// <summary>
/// Finds a version requirement (a Vernaux entry of <c>.gnu.version_r</c>) in a 64-bit little-endian ELF file, read
/// independently of the Python fixer so the test does not check the script with its own parser.
/// </summary>
internal static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6FFFFFFE;
    public const ushort Weak = 0x2; // VER_FLG_WEAK

    /// <summary>The file offset of the <c>vna_flags</c> field of the requirement named <paramref name="version"/>, or -1.</summary>
    public static int FlagsOffset(byte[] elf, string version)
    {
        var shoff = (int)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            int sh = shoff + i * shentsize;
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;
            int strtab = (int)U64(elf, shoff + (int)U32(elf, sh + 0x28) * shentsize + 0x18);
            int need = (int)U64(elf, sh + 0x18);
            for (uint n = 0, count = U32(elf, sh + 0x2C); n < count; n++)
            {
                int aux = need + (int)U32(elf, need + 8);
                for (int a = 0; a < U16(elf, need + 2); a++)
                {
                    if (Name(elf, strtab + (int)U32(elf, aux + 8)) == version) return aux + 4;
                    aux += (int)U32(elf, aux + 12);
                }
                need += (int)U32(elf, need + 12);
            }
        }
        return -1;
    }

    public static ushort Flags(byte[] elf, int offset) => U16(elf, offset);

    public static void SetFlags(byte[] elf, int offset, ushort flags) =>
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(offset), flags);

    private static string Name(byte[] elf, int at) => Encoding.ASCII.GetString(elf, at, Array.IndexOf(elf, (byte)0, at) - at);
    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));
    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
    private static ulong U64(byte[] b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at));
}
