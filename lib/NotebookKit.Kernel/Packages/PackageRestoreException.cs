namespace NotebookKit.Kernel.Packages;

/// <summary>A restore that failed, with restore's own error lines (which name the package, version and sources tried).</summary>
public sealed class PackageRestoreException(string message) : Exception(message);
