using System.CommandLine;
using Basis.Api.Http;

namespace Basis.Server.Cli;

/// <summary><c>basis api-key new</c>: a new API key and the hash to configure for it.</summary>
internal static class ApiKeyCommand
{
    public static Command Create(CliOutput output)
    {
        var create = new Command("new", "Print a new random API key and its SHA-256 hash for BASIS_API_KEY_HASHES.");
        create.SetAction(_ =>
        {
            var key = ApiKeys.NewKey();
            output.Line($"key:  {key}");
            output.Line($"hash: {ApiKeys.Hash(key)}");
            output.Line("Give the key to the client (header X-API-Key); configure only the hash (BASIS_API_KEY_HASHES, comma-separated).");
            return ExitCodes.Ok;
        });
        return new Command("api-key", "API keys for the HTTP API's mutating endpoints.") { create };
    }
}
