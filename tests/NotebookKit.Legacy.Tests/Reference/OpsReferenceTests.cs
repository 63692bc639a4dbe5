using NotebookKit.Tensors;
using F = NotebookKit.NN.Functional;

namespace NotebookKit.Tests.Reference;

/// <summary>Forward values and input gradients of every tensor op against PyTorch (fixtures/ops.json).
/// Default tolerance 1e−5 abs + 1e−4 rel (see <see cref="Fixtures"/>).</summary>
public class OpsReferenceTests
{
    private static void Check(string name, Func<Tensor[], Tensor> op, float atol = Fixtures.Atol, float rtol = Fixtures.Rtol) =>
        Fixtures.Check("ops.json", name, op, atol, rtol);

    [Fact] public void AddBroadcast() => Check("add_broadcast", x => x[0] + x[1]);
    [Fact] public void AddRowBias() => Check("add_row_bias", x => x[0] + x[1]);
    [Fact] public void SubBroadcast() => Check("sub_broadcast", x => x[0] - x[1]);
    [Fact] public void SubScalarLeft() => Check("sub_scalar_left", x => x[0] - x[1]);
    [Fact] public void MulScalar() => Check("mul_scalar", x => x[0] * x[1]);
    [Fact] public void MulBroadcastBoth() => Check("mul_broadcast_both", x => x[0] * x[1]);
    [Fact] public void DivBroadcast() => Check("div_broadcast", x => x[0] / x[1]);
    [Fact] public void Neg() => Check("neg", x => -x[0]);

    [Fact] public void Exp() => Check("exp", x => x[0].Exp());
    [Fact] public void Log() => Check("log", x => x[0].Log());
    [Fact] public void Sqrt() => Check("sqrt", x => x[0].Sqrt());
    [Fact] public void Abs() => Check("abs", x => x[0].Abs());
    [Fact] public void Pow3() => Check("pow3", x => x[0].Pow(3f));
    [Fact] public void PowHalf() => Check("pow_half", x => x[0].Pow(0.5f));
    [Fact] public void Square() => Check("square", x => x[0].Square());
    [Fact] public void Clamp() => Check("clamp", x => x[0].Clamp(-0.5f, 0.5f));
    [Fact] public void Relu() => Check("relu", x => x[0].Relu());
    [Fact] public void LeakyRelu() => Check("leaky_relu", x => x[0].LeakyRelu(0.2f));
    [Fact] public void Sigmoid() => Check("sigmoid", x => x[0].Sigmoid());
    [Fact] public void Tanh() => Check("tanh", x => x[0].Tanh());
    [Fact] public void Softplus() => Check("softplus", x => x[0].Softplus());

    [Fact] public void SumAll() => Check("sum_all", x => x[0].Sum());
    [Fact] public void MeanAll() => Check("mean_all", x => x[0].Mean());
    [Fact] public void MaxAll() => Check("max_all", x => x[0].Max());

    [Theory, MemberData(nameof(DimsKeep))]
    public void SumDim(int d, bool keep) => Check($"sum_dim{d}_keep{(keep ? 1 : 0)}", x => x[0].Sum(d, keep));

    [Theory, MemberData(nameof(DimsKeep))]
    public void MeanDim(int d, bool keep) => Check($"mean_dim{d}_keep{(keep ? 1 : 0)}", x => x[0].Mean(d, keep));

    [Theory, MemberData(nameof(DimsKeep))]
    public void MaxDim(int d, bool keep) => Check($"max_dim{d}_keep{(keep ? 1 : 0)}", x => x[0].Max(d, keep));

    public static TheoryData<int, bool> DimsKeep() => new() { { 0, false }, { 0, true }, { 1, false }, { 1, true }, { 2, false }, { 2, true } };

    [Theory, InlineData(0), InlineData(1), InlineData(-1)]
    public void Softmax(int d) => Check($"softmax_dim{d}", x => x[0].Softmax(d));

    [Theory, InlineData(0), InlineData(1), InlineData(-1)]
    public void LogSoftmax(int d) => Check($"log_softmax_dim{d}", x => x[0].LogSoftmax(d));

    [Fact] public void SoftmaxLargeLogits() => Check("softmax_large", x => x[0].Softmax(1));

    [Fact] public void Matmul2d() => Check("matmul_2d", x => x[0].Matmul(x[1]));
    [Fact] public void MatmulVecVec() => Check("matmul_vec_vec", x => x[0].Matmul(x[1]));
    [Fact] public void MatmulMatVec() => Check("matmul_mat_vec", x => x[0].Matmul(x[1]));
    [Fact] public void MatmulVecMat() => Check("matmul_vec_mat", x => x[0].Matmul(x[1]));
    [Fact] public void MatmulBatched() => Check("matmul_batched", x => x[0].Matmul(x[1]));
    [Fact] public void MatmulBatchedShared() => Check("matmul_batched_shared", x => x[0].Matmul(x[1]));
    [Fact] public void MatmulSharedBatched() => Check("matmul_shared_batched", x => x[0].Matmul(x[1]));
    [Fact] public void MatmulVecBatched() => Check("matmul_vec_batched", x => x[0].Matmul(x[1]));
    [Fact] public void Linear() => Check("linear", x => F.Linear(x[0], x[1], x[2]));
    [Fact] public void LinearNoBias() => Check("linear_nobias", x => F.Linear(x[0], x[1]));

    [Fact] public void Transpose() => Check("transpose", x => x[0].Transpose(0, 2));
    [Fact] public void Permute() => Check("permute", x => x[0].Permute(2, 0, 1));
    [Fact] public void Reshape() => Check("reshape", x => x[0].Reshape(4, -1));
    [Fact] public void Flatten() => Check("flatten", x => x[0].Flatten(1));
    [Fact] public void Unflatten() => Check("unflatten", x => x[0].Unflatten(1, 3, 4));
    [Fact] public void Squeeze() => Check("squeeze", x => x[0].Squeeze(1));
    [Fact] public void Unsqueeze() => Check("unsqueeze", x => x[0].Unsqueeze(-1));
    [Fact] public void Narrow() => Check("narrow", x => x[0].Narrow(1, 1, 2));
    [Fact] public void Slice() => Check("slice", x => x[0].Slice(1, 1, -1));
    [Fact] public void Select() => Check("select", x => x[0].Select(1, 2));
    [Fact] public void IndexSelectRepeated() => Check("index_select_repeat", x => x[0].IndexSelect(0, [2, 0, 2, 2, 1]));
    [Fact] public void IndexSelectDim1() => Check("index_select_dim1", x => x[0].IndexSelect(1, [3, 3, 0]));
    [Fact] public void CatDim0() => Check("cat_dim0", x => Torch.Cat([x[0], x[1], x[2]], 0));
    [Fact] public void CatDim1() => Check("cat_dim1", x => Torch.Cat([x[0], x[1]], 1));
    [Fact] public void StackDim0() => Check("stack_dim0", x => Torch.Stack([x[0], x[1]], 0));
    [Fact] public void StackDimLast() => Check("stack_dim_last", x => Torch.Stack([x[0], x[1], x[2]], -1));

    [Fact]
    public void MlpMseLoss() =>
        Check("mlp_mse", x => F.MseLoss(F.Linear(F.Linear(x[0], x[1], x[2]).Tanh(), x[3], x[4]), x[5]));
}
