using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NotebookKit.Training;

/// <summary>The device a model lives on (that of its first parameter, CPU for none): batches are moved there, so one
/// Device set on the model is followed by the training helpers.</summary>
internal static class ModelDevice
{
    public static Device Of(Module model) => model.parameters().FirstOrDefault()?.device ?? CPU;
}
