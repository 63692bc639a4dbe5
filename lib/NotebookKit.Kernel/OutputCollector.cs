using System.Text;
using NotebookKit.Interactive;

namespace NotebookKit.Kernel;

/// <summary>
/// Gathers one cell's outputs in the order they happen: the cell's console writers and its display host both end
/// here, and buffered console text is flushed before every display so text and displays interleave as written.
/// Complete lines are passed on at once (live progress); consecutive writes to one stream are merged.
/// </summary>
internal sealed class OutputCollector : IDisplayHost
{
    private readonly object gate = new();
    private readonly List<CellOutput> outputs = [];
    private readonly Action<CellOutput>? onOutput;
    private readonly StringBuilder stdout = new(), stderr = new();
    private bool closed;

    public OutputCollector(Action<CellOutput>? onOutput)
    {
        this.onOutput = onOutput;
        Out = new ForwardingWriter(this, "stdout");
        Error = new ForwardingWriter(this, "stderr");
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }

    public void Publish(MimeBundle bundle, string? displayId, bool update) =>
        Add(update ? new UpdateDisplayDataOutput(bundle, displayId ?? "") : new DisplayDataOutput(bundle, displayId));

    public void Add(CellOutput output)
    {
        lock (gate)
        {
            FlushAll();
            Emit(output);
        }
    }

    /// <summary>Flushes pending text and stops collecting (late writes from stray threads are dropped).</summary>
    public IReadOnlyList<CellOutput> Close()
    {
        lock (gate)
        {
            FlushAll();
            closed = true;
            return outputs.ToList();
        }
    }

    private void Write(string name, ReadOnlySpan<char> text)
    {
        lock (gate)
        {
            if (closed) return;
            var (mine, other, otherName) = name == "stdout" ? (stdout, stderr, "stderr") : (stderr, stdout, "stdout");
            Flush(other, otherName, all: true);
            mine.Append(text);
            if (text.Contains('\n')) Flush(mine, name, all: false);
        }
    }

    private void FlushAll()
    {
        Flush(stdout, "stdout", all: true);
        Flush(stderr, "stderr", all: true);
    }

    private void Flush(StringBuilder pending, string name, bool all)
    {
        if (pending.Length == 0 || closed) return;
        int n = all ? pending.Length : pending.ToString().LastIndexOf('\n') + 1;
        if (n == 0) return;
        var text = pending.ToString(0, n);
        pending.Remove(0, n);
        Emit(new StreamOutput(name, text));
    }

    private void Emit(CellOutput output)
    {
        if (closed) return;
        if (output is StreamOutput s && outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == s.Name)
            outputs[^1] = last with { Text = last.Text + s.Text };
        else
            outputs.Add(output);
        try { onOutput?.Invoke(output); }
        catch (Exception e) { Console.Error.WriteLine($"kernel: an output listener failed: {e.Message}"); }
    }

    private sealed class ForwardingWriter(OutputCollector owner, string name) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => owner.Write(name, [value]);
        public override void Write(string? value) => owner.Write(name, value);
        public override void Write(char[] buffer, int index, int count) => owner.Write(name, buffer.AsSpan(index, count));
        public override void Write(ReadOnlySpan<char> buffer) => owner.Write(name, buffer);
    }
}
