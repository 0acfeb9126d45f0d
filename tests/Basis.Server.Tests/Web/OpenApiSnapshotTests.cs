using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Web;

/// <summary>
/// The dashboard's API types are generated from <c>web/openapi.json</c>, a snapshot of the server's
/// <c>/openapi/v1.json</c>: this fails when the two differ, so the UI cannot drift from the API unnoticed. With
/// <c>BASIS_UPDATE_OPENAPI_SNAPSHOT=1</c> it rewrites the snapshot instead (<c>npm --prefix web run refresh-openapi</c>).
/// </summary>
public sealed class OpenApiSnapshotTests : HostedTest
{
    private const string RefreshCommand = "npm --prefix web run refresh-openapi";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string SnapshotPath => Path.Combine(Repository.Root, "web", "openapi.json");

    [Fact]
    public async Task The_web_snapshot_of_the_openapi_document_is_the_server_s()
    {
        var text = await Host.GetTextAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var served = JsonNode.Parse(text)!.AsObject();

        // The server's own address is the only part that depends on where it runs.
        served.Remove("servers");
        if (Environment.GetEnvironmentVariable("BASIS_UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, served.ToJsonString(Indented) + "\n", TestContext.Current.CancellationToken);
            return;
        }

        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing: create it with {RefreshCommand}");
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(SnapshotPath, TestContext.Current.CancellationToken));
        var difference = FirstDifference(served, snapshot, "");
        Assert.True(
            difference is null,
            $"web/openapi.json differs from the server's /openapi/v1.json at {difference}: the dashboard's API types would drift. " +
            $"Refresh it with {RefreshCommand} (at the repository's root), rebuild the dashboard (npm --prefix web run build) and commit both.");
    }

    /// <summary>The JSON pointer of the first place the two differ; null when they are equal.</summary>
    private static string? FirstDifference(JsonNode? served, JsonNode? snapshot, string pointer)
    {
        switch (served, snapshot)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal))
                {
                    var at = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    if (!a.ContainsKey(name) || !b.ContainsKey(name))
                    {
                        return at + (a.ContainsKey(name) ? " (only in the server's)" : " (only in the snapshot)");
                    }

                    if (FirstDifference(a[name], b[name], at) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    if (i >= a.Count || i >= b.Count)
                    {
                        return $"{pointer}/{i} (the arrays' lengths differ)";
                    }

                    if (FirstDifference(a[i], b[i], $"{pointer}/{i}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(served, snapshot) ? null : (pointer.Length == 0 ? "/" : pointer);
        }
    }
}
