namespace NotebookKit.Kernel.Packages;

/// <summary>A <c>#r "nuget: …"</c> line of a cell: the request and where it was written (<c>Cell [2], line 1</c>), for errors.</summary>
internal sealed record PackageDirective(PackageRequest Request, string Where);
