using System.CommandLine;
using Basis.Configuration.Binding;

namespace Basis.Server.Cli;

/// <summary><c>basis config validate</c>: load, merge and validate configs/ (one mode with overrides, or all).</summary>
internal static class ConfigCommand
{
    public static Command Create(CliOutput output)
    {
        var configs = new Option<string?>("--configs") { Description = "Configuration folder (default: ./configs)." };
        var mode = new Option<string?>("--mode") { Description = "Validate only this mode, with its overrides, and print its merged settings." };
        var set = new Option<string[]>("--set") { Description = "Override a mode setting: dotted.key=value (repeatable; needs --mode)." };
        var validate = new Command("validate", "Validate the configuration; every error names the file and key (exit 2 when invalid).") { configs, mode, set };
        validate.SetAction(parse =>
        {
            var directory = CliPaths.Configs(parse.GetValue(configs));
            var configuration = BasisConfiguration.Load(directory);
            var overrides = parse.GetValue(set) ?? [];
            if (parse.GetValue(mode) is { } name)
            {
                var resolved = configuration.ResolveMode(name, overrides);
                output.Line($"{resolved.Mode.Name}: valid (config hash {resolved.ConfigHash})");
                output.Line(resolved.Merged.ToString());
                return ExitCodes.Ok;
            }

            if (overrides.Length > 0)
            {
                throw new BadInputException("--set needs --mode: overrides apply to one mode");
            }

            var modes = configuration.ResolveAllModes();
            output.Line($"{Path.GetFullPath(directory)}: valid ({modes.Count} modes, {configuration.ShareClasses.Count} share classes, {configuration.Venues.Exchanges.Count} exchanges, {configuration.Venues.Lsts.Count} staking protocols)");
            return ExitCodes.Ok;
        });
        return new Command("config", "Configuration.") { validate };
    }
}
