namespace NotebookKit.Tensors.Kernels;

/// <summary>
/// The operands of one SGEMM call, C = α·op(A)·op(B) + β·C, bundled so the blocked driver and its worker
/// threads can take a sub-range of rows and columns of C without repeating sixteen parameters.
/// </summary>
internal readonly struct GemmProblem(bool transA, bool transB, int k, float alpha,
    float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float beta, float[] c, int cOffset, int ldc)
{
    public readonly bool TransA = transA, TransB = transB;
    public readonly int K = k;
    public readonly float Alpha = alpha, Beta = beta;
    public readonly float[] A = a, B = b, C = c;
    public readonly int AOffset = aOffset, Lda = lda, BOffset = bOffset, Ldb = ldb, COffset = cOffset, Ldc = ldc;
}
