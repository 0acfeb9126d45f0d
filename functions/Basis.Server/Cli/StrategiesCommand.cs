using System.CommandLine;
using Basis.Configuration.Binding;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Spectre.Console;

namespace Basis.Server.Cli;

/// <summary><c>basis strategies</c>: the modes, their share class, aliases and whether they can run yet; then the strategy families and their modes.</summary>
internal static class StrategiesCommand
{
    public static Command Create(CliOutput output)
    {
        var configs = new Option<string?>("--configs") { Description = "Configuration folder (default: ./configs)." };
        var command = new Command("strategies", "List the strategy modes.") { configs };
        command.SetAction(parse =>
        {
            var configuration = BasisConfiguration.Load(CliPaths.Configs(parse.GetValue(configs)));
            var table = new Table().AddColumn("Mode").AddColumn("Class").AddColumn("Aliases").AddColumn("Description");
            foreach (var mode in StrategyCatalog.All)
            {
                var description = mode.IsImplemented
                    ? configuration.ResolveMode(mode.Name).Settings.Description
                    : $"not yet: arrives with {mode.PlannedWith}";
                table.AddRow(
                    Markup.Escape(mode.Name),
                    mode.ShareClass.Name(),
                    Markup.Escape(string.Join(", ", mode.Aliases)),
                    mode.IsImplemented ? Markup.Escape(description) : $"[grey]{Markup.Escape(description)}[/]");
            }

            output.Console.Write(table);
            var families = new Table().AddColumn("Family").AddColumn("Modes").AddColumn("Description");
            foreach (var family in StrategyFamilies.All)
            {
                var modes = StrategyCatalog.All.Where(m => m.Family == family).Select(m => m.Name);
                families.AddRow(Markup.Escape(family.Name), Markup.Escape(string.Join("\n", modes)), Markup.Escape(family.Description));
            }

            output.Console.Write(families);
            return ExitCodes.Ok;
        });
        return command;
    }
}
