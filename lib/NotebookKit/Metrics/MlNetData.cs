using Microsoft.ML;
using Microsoft.ML.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Metrics;

/// <summary>
/// The ML.NET plumbing <see cref="LinearProbe"/> and <see cref="PcaAnomalyDetector"/> share: features as a tensor
/// (N, d) or float[][] become an <see cref="IDataView"/> whose "Features" column is a float vector of size d, a size
/// known only at run time, so the schema is built with <see cref="SchemaDefinition"/> instead of a [VectorType(d)]
/// attribute. ML.NET's trainers need a known vector size.
/// </summary>
internal static class MlNetData
{
    /// <summary>One example. Label is the class 0 … K − 1 for multiclass (LoadFromEnumerable stores it as the ML.NET key
    /// Label + 1, 0 meaning missing; a cursor reads the key back), or IsAnomaly 1/0 for anomaly evaluation.</summary>
    internal sealed class Row
    {
        public float[] Features = [];
        public uint Label;
        public float IsAnomaly;
    }

    /// <summary>Rows of a tensor (N, d) (or (N, …), flattened) as float32 arrays.</summary>
    internal static float[][] Rows(Tensor features, string op)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.dim() < 2)
            throw new ArgumentException($"{op}: expects features of shape (N, d), got ({string.Join(", ", features.shape)}).", nameof(features));
        using var scope = NewDisposeScope();
        var flat = features.detach().flatten(1).to(float32).cpu().contiguous();    // (N, d)
        int n = (int)flat.shape[0], d = (int)flat.shape[1];
        var all = flat.data<float>().ToArray();
        var rows = new float[n][];
        for (int i = 0; i < n; i++) rows[i] = all.AsSpan(i * d, d).ToArray();
        return rows;
    }

    /// <summary>Integer class labels of a tensor (N) (any integer or float dtype holding whole numbers).</summary>
    internal static int[] Labels(Tensor labels, string op)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.dim() != 1)
            throw new ArgumentException($"{op}: expects labels of shape (N), got ({string.Join(", ", labels.shape)}).", nameof(labels));
        using var scope = NewDisposeScope();
        return labels.detach().to(int64).cpu().data<long>().ToArray().Select(v => (int)v).ToArray();
    }

    /// <summary>The common feature size d of <paramref name="features"/>, with an error naming the first row that differs
    /// (or <paramref name="expected"/>, the size a model was trained on).</summary>
    internal static int FeatureSize(float[][] features, string op, int? expected = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length == 0) throw new ArgumentException($"{op}: no examples (0 feature rows).", nameof(features));
        int d = expected ?? features[0]?.Length ?? 0;
        if (d == 0) throw new ArgumentException($"{op}: feature rows must not be empty.", nameof(features));
        for (int i = 0; i < features.Length; i++)
        {
            int di = features[i]?.Length ?? 0;
            if (di != d)
                throw new ArgumentException(expected is null
                    ? $"{op}: feature row {i} has {di} values but row 0 has {d}; every row needs the same feature size."
                    : $"{op}: feature row {i} has {di} values but the model was trained on {d} features; pass features of shape (N, {d}).",
                    nameof(features));
        }
        return d;
    }

    /// <summary>A data view with "Features" (float vector of size d) and "Label" (key of <paramref name="numClasses"/>
    /// values: labels 0 … K − 1 become keys 1 … K).</summary>
    internal static IDataView Multiclass(MLContext ml, float[][] features, int[] labels, int d, int numClasses)
    {
        var rows = features.Select((f, i) => new Row { Features = f, Label = (uint)labels[i] });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), numClasses);
        RemoveColumn(schema, nameof(Row.IsAnomaly));
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    /// <summary>A data view with "Features" (float vector of size d) and, when <paramref name="isAnomaly"/> is given,
    /// a float "Label" (1 = anomaly, 0 = normal: the evaluator takes Single, not Boolean) for ML.NET's anomaly evaluator.</summary>
    internal static IDataView Anomaly(MLContext ml, float[][] features, bool[]? isAnomaly, int d)
    {
        var rows = features.Select((f, i) => new Row { Features = f, IsAnomaly = isAnomaly?[i] == true ? 1f : 0f });
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        schema[nameof(Row.IsAnomaly)].ColumnName = "Label";
        RemoveColumn(schema, nameof(Row.Label));
        if (isAnomaly is null) RemoveColumn(schema, nameof(Row.IsAnomaly));
        return ml.Data.LoadFromEnumerable(rows.ToList(), schema);
    }

    /// <summary>The values of a float column (e.g. "Score") of a scored view, in row order.</summary>
    internal static float[] Column(IDataView view, string name) => view.GetColumn<float>(name).ToArray();

    private static void RemoveColumn(SchemaDefinition schema, string memberName) =>
        schema.RemoveAll(c => c.MemberName == memberName);
}
