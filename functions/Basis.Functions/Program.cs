using Basis.Functions.Cli;

return await new CommandLineApp(CliOutput.System()).RunAsync(args).ConfigureAwait(false);
