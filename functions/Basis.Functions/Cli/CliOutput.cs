using Spectre.Console;

namespace Basis.Functions.Cli;

/// <summary>Where a verb writes: a Spectre console for results and progress, and a plain writer for errors.</summary>
internal sealed class CliOutput(IAnsiConsole console, TextWriter error)
{
    /// <summary>Results, tables and progress.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>One-line errors.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>The process' own console.</summary>
    public static CliOutput System() => new(AnsiConsole.Console, global::System.Console.Error);

    /// <summary>Writes a line of plain text (no markup interpretation).</summary>
    public void Line(string text) => Console.WriteLine(text);
}
