namespace NotebookKit.Kernel.Packages;

/// <summary>A restore that failed, with restore's own error lines (which name the package, version and sources tried).</summary>
internal sealed class PackageRestoreException(string message) : Exception(message);
