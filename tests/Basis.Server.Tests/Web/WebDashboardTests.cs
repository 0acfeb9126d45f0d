using System.Net;
using System.Text.Json;
using Basis.Server.Hosting;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Web;

/// <summary>
/// The server serves the dashboard's build at <c>/</c> (index.html for deep links, a year's cache for hashed assets,
/// none for index.html) from <c>BASIS_WEB_DIR</c>, never in place of a route; without a build, <c>/</c> says how to
/// build it. The build here is a fake folder of two files: these tests need no npm.
/// </summary>
public sealed class WebDashboardTests : IDisposable
{
    private const string IndexHtml = "<!doctype html><title>Basis</title><div id=\"root\"></div>";
    private const string Script = "console.log('basis');";
    private const string DocsHtml = "<!doctype html><title>Basis API reference</title><main id=\"swagger-ui\"></main>";

    private readonly TempFolder _temp = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Index_html_answers_the_root_and_deep_links_and_assets_are_cached_for_a_year()
    {
        await using var host = await StartAsync(FakeBuild());

        foreach (var path in (string[])["/", "/runs/abc", "/runs/eth_basis_20250101_20250401_711d72b3.1", "/sign-in?next=%2Fruns"])
        {
            using var page = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{path}: {(int)page.StatusCode}");
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Equal(IndexHtml, await page.Content.ReadAsStringAsync(Token));
            Assert.True(page.Headers.CacheControl?.NoCache, path);
        }

        using var asset = await host.Http.GetAsync(new Uri("/assets/index-Bx3f9a.js", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Script, await asset.Content.ReadAsStringAsync(Token));
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());

        // A missing asset is a 404, not the page.
        using var stale = await host.Http.GetAsync(new Uri("/assets/index-old.js", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [Fact]
    public async Task The_api_reference_is_its_own_page_at_docs()
    {
        await using var host = await StartAsync(FakeBuild());
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Http.BaseAddress };

        // /docs moves to /docs/, so the page's relative links (docs/swagger-ui-bundle.js) resolve inside the folder.
        using var bare = await noRedirects.GetAsync(new Uri("/docs", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/docs/", bare.Headers.Location?.AbsolutePath);

        using var page = await host.Http.GetAsync(new Uri("/docs/", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(DocsHtml, await page.Content.ReadAsStringAsync(Token));
        Assert.True(page.Headers.CacheControl?.NoCache);

        using var script = await host.Http.GetAsync(new Uri("/docs/init.js", UriKind.Relative), Token);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);

        // A page of the dashboard that merely starts with "docs" is still the dashboard's.
        using var other = await host.Http.GetAsync(new Uri("/docsearch", UriKind.Relative), Token);
        Assert.Equal(IndexHtml, await other.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Api_health_and_openapi_are_never_the_dashboard_s()
    {
        await using var host = await StartAsync(FakeBuild());

        Assert.Equal(JsonValueKind.Array, (await host.GetJsonAsync("/api/v1/backtests", Token)).ValueKind);
        Assert.Equal("basis", (await host.GetJsonAsync("/health", Token)).GetProperty("service").GetString());
        Assert.Equal("3.1.1", (await host.GetJsonAsync("/openapi/v1.json", Token)).GetProperty("openapi").GetString());

        // Unknown paths under the reserved prefixes stay the API's 404s, and a method a route lacks its 405.
        foreach (var path in (string[])["/api/v1/nothing-here", "/api", "/health/nothing", "/openapi/v2.json"])
        {
            using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain(IndexHtml, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        using var put = await host.Http.PutAsync(new Uri("/api/v1/backtests", UriKind.Relative), null, Token);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);

        // Only GET and HEAD get the page.
        using var post = await host.Http.PostAsync(new Uri("/runs/abc", UriKind.Relative), null, Token);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Without_a_build_the_root_is_a_404_naming_the_command_that_builds_it()
    {
        await using var host = await StartAsync(_temp.Combine("never-built"));

        foreach (var path in (string[])["/", "/runs/abc"])
        {
            using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(WebDashboard.BuildCommand, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        Assert.Equal(JsonValueKind.Array, (await host.GetJsonAsync("/api/v1/backtests", Token)).ValueKind);
    }

    private Task<PipelineHost> StartAsync(string webDirectory) =>
        PipelineHost.StartAsync(_temp.Combine("results"), new Dictionary<string, string> { ["BASIS_WEB_DIR"] = webDirectory }, Token);

    private string FakeBuild()
    {
        var dist = _temp.Combine("dist");
        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        File.WriteAllText(Path.Combine(dist, "index.html"), IndexHtml);
        File.WriteAllText(Path.Combine(dist, "assets", "index-Bx3f9a.js"), Script);
        Directory.CreateDirectory(Path.Combine(dist, "docs"));
        File.WriteAllText(Path.Combine(dist, "docs", "index.html"), DocsHtml);
        File.WriteAllText(Path.Combine(dist, "docs", "init.js"), "SwaggerUIBundle({ url: '/openapi/v1.json' });");
        return dist;
    }
}
