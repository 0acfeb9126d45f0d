using System.CommandLine;
using Basis.Configuration;
using Basis.Core.Market;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Data.Canonical;
using Basis.Data.Import;

namespace Basis.Server.Cli;

/// <summary>
/// The command line: builds the verbs, parses, runs, and turns failures into exit codes. Bad input of any kind
/// (arguments, config values, data that does not cover the period) is one line on stderr and exit 2; a run that
/// fails is exit 1 with its reason. No stack traces unless BASIS_DEBUG is set.
/// </summary>
internal sealed class CommandLineApp(CliOutput output)
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Basis: backtest basis and yield strategies over real market data.")
        {
            BacktestCommand.Create(output),
            StrategiesCommand.Create(output),
            ConfigCommand.Create(output),
            DataCommands.Create(output),
            ServeCommand.Create(output),
            ApiKeyCommand.Create(output),
            HealthCommand.Create(output),
            LiveCommand.Create(output),
        };

        // Like a Functions host, the executable serves HTTP when started without a verb.
        root.SetAction((_, cancellationToken) => ServeCommand.RunAsync(output, null, null, cancellationToken));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var verb = string.Join(' ', parsed.CommandResult.Command == root ? [] : CommandPath(parsed.CommandResult.Command));
            await output.Error.WriteLineAsync($"error: {parsed.Errors[0].Message} (run 'basis {verb}{(verb.Length > 0 ? " " : string.Empty)}--help' for usage)").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output.Console.Profile.Out.Writer, Error = output.Error }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigException exception)
        {
            await output.Error.WriteLineAsync($"error: invalid configuration ({exception.Errors.Count} problem(s)):").ConfigureAwait(false);
            foreach (var error in exception.Errors)
            {
                await output.Error.WriteLineAsync($"  {error}").ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }
        catch (Exception exception) when (IsBadInput(exception))
        {
            await output.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await output.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
        catch (Exception exception)
        {
            await output.Error.WriteLineAsync($"failed: {exception.Message}").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("BASIS_DEBUG") is "1" or "true")
            {
                await output.Error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.Failed;
        }
    }

    private static bool IsBadInput(Exception exception) => exception is BadInputException
        or UnknownModeException
        or ReferenceDataImportException
        or DirectoryNotFoundException
        or StrategySetupException
        or MarketDataCoverageException
        or MarketDataSettingsException
        or MissingPriceException
        or StressScenarioException;

    private static Stack<string> CommandPath(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is Command c && symbol is not RootCommand; symbol = c.Parents.FirstOrDefault())
        {
            names.Push(c.Name);
        }

        return names;
    }
}
