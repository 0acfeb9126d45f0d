using Basis.Data.Import;
using Spectre.Console;

namespace Basis.Server.Cli;

/// <summary>What <c>data import</c> prints: one row per source file, then the totals.</summary>
internal static class ImportTable
{
    public static void Write(CliOutput output, ImportReport report)
    {
        var table = new Table().AddColumn("Action").AddColumn("Source file").AddColumn("Series").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("Why");
        foreach (var entry in report.Entries.OrderBy(e => e.Action).ThenBy(e => e.SourcePath, StringComparer.Ordinal))
        {
            table.AddRow(
                Colour(entry.Action),
                Markup.Escape(entry.SourcePath),
                Markup.Escape(string.Join(", ", entry.TargetSeries)),
                entry.RowsWritten > 0 ? entry.RowsWritten.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                Markup.Escape(entry.Reason));
        }

        output.Console.Write(table);
        var counts = report.Actions;
        output.Line($"{report.SourceFiles} files: {counts.Imported} imported, {counts.RepairedAndImported} repaired and imported, {counts.Refused} refused, {counts.Skipped} skipped, {counts.Unrecognised} unrecognised, {counts.Missing} missing; {report.Series.Count} series written.");
    }

    private static string Colour(ImportAction action) => action switch
    {
        ImportAction.Imported => "[green]imported[/]",
        ImportAction.RepairedAndImported => "[green]repaired[/]",
        ImportAction.Refused => "[red]refused[/]",
        ImportAction.Skipped => "[grey]skipped[/]",
        ImportAction.Unrecognised => "[yellow]unrecognised[/]",
        _ => "[yellow]missing[/]",
    };
}
