using Basis.Server.Cli;

return await new CommandLineApp(CliOutput.System()).RunAsync(args).ConfigureAwait(false);
