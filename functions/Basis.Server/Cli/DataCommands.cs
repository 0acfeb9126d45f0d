using System.CommandLine;
using System.Diagnostics;
using Basis.Data.Canonical;
using Basis.Data.Import;
using Basis.Data.Sample;
using Basis.Data.Validation;
using Spectre.Console;

namespace Basis.Server.Cli;

/// <summary>The <c>data</c> verbs: generate the sample, validate a data folder, import the original system's data, upload a folder to blob or PostgreSQL.</summary>
internal static class DataCommands
{
    public static Command Create(CliOutput output) => new("data", "Market data: generate the sample, validate a folder, import the original system's data, upload a folder to blob or PostgreSQL.")
    {
        Generate(output),
        Validate(output),
        Import(output),
        Upload(output),
        DataFetchCommand.Create(output),
    };

    private static Command Upload(CliOutput output)
    {
        var toBlob = new Option<bool>("--to-blob") { Description = "Upload to a blob container (BASIS_BLOB_CONNECTION or AzureWebJobsStorage)." };
        var toDb = new Option<bool>("--to-db") { Description = "Upload to PostgreSQL (BASIS_DATABASE_CONNECTION); migrates the schema first." };
        var data = new Option<string?>("--data") { Description = "Folder in the canonical layout (default: BASIS_DATA_DIR or ./data)." };
        var connection = new Option<string?>("--connection") { Description = "Connection string, instead of the environment's (never printed)." };
        var container = new Option<string?>("--container") { Description = $"Blob container (default: BASIS_BLOB_CONTAINER or {MarketDataSources.DefaultContainer})." };
        var command = new Command("upload", "Copy every canonical month file of a folder to blob storage or PostgreSQL, replacing what is there (for BASIS_DATA_MODE=blob|db).") { toBlob, toDb, data, connection, container };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (blob, db) = (parse.GetValue(toBlob), parse.GetValue(toDb));
            if (blob == db)
            {
                throw new BadInputException("give exactly one of --to-blob and --to-db");
            }

            if (db && parse.GetValue(container) is not null)
            {
                throw new BadInputException("--container applies to --to-blob only");
            }

            var root = CliPaths.Data(parse.GetValue(data));
            var settings = CliPaths.MarketData();
            var started = Stopwatch.GetTimestamp();
            CanonicalMonthSource target = blob
                ? new BlobMarketDataSource(MarketDataSources.BlobContainer(settings with
                {
                    BlobConnection = parse.GetValue(connection) ?? settings.BlobConnection,
                    BlobContainer = parse.GetValue(container) ?? settings.BlobContainer,
                }))
                : await PostgresMarketDataSource.OpenAsync(parse.GetValue(connection) ?? MarketDataSources.DatabaseConnection(settings), cancellationToken).ConfigureAwait(false);
            try
            {
                output.Line($"Uploading {Path.GetFullPath(root)} to {target.Description}");
                var count = await MarketDataUploader.UploadAsync(root, target, new SynchronousProgress(line => output.Line($"  {line}")), cancellationToken).ConfigureAwait(false);
                output.Line($"Uploaded {count} month files to {target.Description} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s.");
                return ExitCodes.Ok;
            }
            finally
            {
                if (target is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    private static Command Import(CliOutput output)
    {
        var from = new Option<string>("--from") { Description = "The original system's data folder (its data/ layout).", Required = true };
        var to = new Option<string>("--to") { Description = "Folder to write the canonical layout into.", Required = true };
        var command = new Command("import", "Import the original system's data into the canonical layout, repairing what can be repaired and refusing placeholders; writes import-report.json.") { from, to };
        command.SetAction(parse =>
        {
            var source = parse.GetRequiredValue(from);
            var target = parse.GetRequiredValue(to);
            var started = Stopwatch.GetTimestamp();
            var report = Import(output, source, target);
            ImportTable.Write(output, report);
            output.Line($"Imported into {Path.GetFullPath(target)} in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; report: {Path.Combine(Path.GetFullPath(target), ImportReport.FileName)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs the import behind a spinner naming the current file on a terminal; silently elsewhere (the table follows).</summary>
    private static ImportReport Import(CliOutput output, string source, string target)
    {
        if (!output.Console.Profile.Capabilities.Interactive)
        {
            return ReferenceDataImporter.Import(source, target);
        }

        return output.Console.Status().Start("Importing…", status =>
            ReferenceDataImporter.Import(source, target, new SynchronousProgress(file => status.Status($"Importing {file}"))));
    }

    private static Command Generate(CliOutput output)
    {
        var to = new Option<string>("--to") { Description = "Folder to write the sample into (canonical layout).", Required = true };
        var command = new Command("generate", "Write the deterministic sample data set (2025-01-01 → 2025-04-01, every series the modes need).") { to };
        command.SetAction(parse =>
        {
            var target = parse.GetRequiredValue(to);
            var started = Stopwatch.GetTimestamp();
            var series = SampleDataGenerator.Generate(target);
            output.Line($"Wrote {series.Count} series to {Path.GetFullPath(target)} in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Validate(CliOutput output)
    {
        var data = new Option<string?>("--data") { Description = "Folder in the canonical layout (default: BASIS_DATA_DIR or ./data)." };
        var from = new Option<string?>("--from") { Description = "Only check rows from this UTC date/time." };
        var to = new Option<string?>("--to") { Description = "Only check rows before this UTC date/time." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("validate", "Check a data folder for gaps, duplicates, order, impossible values and staleness; exit 1 when it has errors.") { data, from, to, json };
        command.SetAction(parse =>
        {
            var root = CliPaths.Data(parse.GetValue(data));
            var options = new ValidationOptions
            {
                FromUtc = CliTime.ParseOptional(parse.GetValue(from), "--from"),
                ToUtc = CliTime.ParseOptional(parse.GetValue(to), "--to"),
            };
            if (options.FromUtc is { } f && options.ToUtc is { } t && t <= f)
            {
                throw new BadInputException($"--to ({CliTime.Format(t)}) must be after --from ({CliTime.Format(f)})");
            }

            var report = DataValidator.Validate(root, options);
            output.Line(parse.GetValue(json) ? report.ToJson() : report.ToText());
            return report.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
