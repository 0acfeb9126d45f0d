namespace Basis.Server.Cli;

/// <summary>Input the user must fix; printed as one line naming the argument, exit code 2.</summary>
internal sealed class BadInputException(string message) : Exception(message);
