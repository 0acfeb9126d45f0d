using Spectre.Console;

namespace Basis.Server.Cli;

/// <summary>Where a verb writes: a Spectre console for results and progress, and a plain writer for errors.</summary>
internal sealed class CliOutput(IAnsiConsole console, TextWriter error)
{
    /// <summary>Results, tables and progress.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>One-line errors.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>The process' own console; tables get 120 columns when the output is not a terminal (logs, pipes).</summary>
    public static CliOutput System()
    {
        var console = AnsiConsole.Console;
        if (!console.Profile.Capabilities.Interactive)
        {
            console.Profile.Width = 120;
        }

        return new(console, global::System.Console.Error);
    }

    /// <summary>Writes a line of plain text as is: no markup, no wrapping.</summary>
    public void Line(string text) => Console.Profile.Out.Writer.WriteLine(text);
}
