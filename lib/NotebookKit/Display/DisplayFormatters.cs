using System.Net;
using System.Runtime.CompilerServices;
using NotebookKit.Interactive;
using Plotly.NET;
using TorchSharp;
using static TorchSharp.torch;

namespace NotebookKit.Display;

/// <summary>
/// Registers, when the library loads, the formatters for the types NotebookKit cannot annotate: Plotly.NET charts
/// (figure JSON, an offline div+script, a one-line summary) and TorchSharp tensors (shape, dtype, device and values
/// abbreviated as PyTorch prints them). Registering again replaces the earlier formatters, so it is harmless.
/// </summary>
internal static class DisplayFormatters
{
#pragma warning disable CA2255 // a library module initializer is the point: formatters exist before the first display
    [ModuleInitializer]
    internal static void Register()
    {
        Formatting.Register<GenericChart>(PlotlyHtml.MimeType, FigureJson.Of);
        Formatting.Register<GenericChart>("text/html", c => PlotlyHtml.Render(FigureJson.Of(c)));
        Formatting.Register<GenericChart>("text/plain", c => FigureJson.Describe(FigureJson.Of(c)));
        Formatting.Register<Tensor>("text/plain", TensorText);
        Formatting.Register<Tensor>("text/html", t => $"<pre class=\"nbkit-tensor\">{WebUtility.HtmlEncode(TensorText(t))}</pre>");
    }
#pragma warning restore CA2255

    /// <summary>
    /// E.g. <c>tensor (2, 3) float32 cpu</c> then the values in NumPy's layout, with "..." past 6 rows or columns
    /// (TorchSharp's <c>TensorStringStyle.Numpy</c>, as <c>print(t)</c> abbreviates in PyTorch).
    /// </summary>
    internal static string TensorText(Tensor t)
    {
        if (t.IsInvalid) return "tensor (disposed)";
        var shape = "(" + string.Join(", ", t.shape) + (t.shape.Length == 1 ? ",)" : ")");
        var header = $"tensor {shape} {DTypeName(t.dtype)} {t.device}{(t.requires_grad ? " requires_grad" : "")}";
        return header + "\n" + t.ToString(TorchSharp.TensorStringStyle.Numpy, fltFormat: "g5", width: 100,
            cultureInfo: System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string DTypeName(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        ScalarType.Float16 => "float16",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Int64 => "int64",
        ScalarType.Int32 => "int32",
        ScalarType.Int16 => "int16",
        ScalarType.Int8 => "int8",
        ScalarType.Byte => "uint8",
        ScalarType.Bool => "bool",
        _ => dtype.ToString().ToLowerInvariant(),
    };
}
