using System.Text.Json.Nodes;

namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>
/// A Hardhat artifact from npm (ABI, creation bytecode, library placeholders). Libraries are linked by writing
/// each library's address over the byte ranges its <c>linkReferences</c> name.
/// </summary>
internal sealed class ContractArtifact
{
    private readonly JsonObject _json;

    private ContractArtifact(string name, JsonObject json)
    {
        Name = name;
        _json = json;
        Abi = json["abi"]!.ToJsonString();
    }

    public string Name { get; }

    public string Abi { get; }

    /// <summary>The one artifact named <paramref name="contract"/> under <paramref name="root"/> (interfaces and debug files excluded).</summary>
    public static ContractArtifact Find(string root, string contract)
    {
        var matches = Directory.EnumerateFiles(root, contract + ".json", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}interfaces{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        return matches.Count == 1
            ? new ContractArtifact(contract, (JsonObject)JsonNode.Parse(File.ReadAllText(matches[0]))!)
            : throw new InvalidOperationException($"expected one artifact {contract}.json under {root}, found {matches.Count}");
    }

    /// <summary>A contract compiled here (solc's standard JSON output: its ABI and bytecode without 0x).</summary>
    public static ContractArtifact Compiled(string contract, JsonNode abi, string bytecode) =>
        new(contract, new JsonObject { ["abi"] = abi.DeepClone(), ["bytecode"] = "0x" + bytecode, ["linkReferences"] = new JsonObject() });

    /// <summary>The creation bytecode with every library it needs replaced by its address in <paramref name="libraries"/>.</summary>
    public string LinkedBytecode(IReadOnlyDictionary<string, string> libraries)
    {
        var hex = _json["bytecode"]!.GetValue<string>().ToCharArray();
        foreach (var (_, file) in (JsonObject)_json["linkReferences"]!)
        {
            foreach (var (library, positions) in (JsonObject)file!)
            {
                if (!libraries.TryGetValue(library, out var address))
                {
                    throw new InvalidOperationException($"{Name} needs library {library}, which is not deployed yet");
                }

                foreach (var position in (JsonArray)positions!)
                {
                    // Offsets count bytes of the code after "0x": two hex digits each.
                    var start = 2 + (2 * position!["start"]!.GetValue<int>());
                    address[2..].ToLowerInvariant().CopyTo(0, hex, start, 40);
                }
            }
        }

        return new string(hex);
    }
}
