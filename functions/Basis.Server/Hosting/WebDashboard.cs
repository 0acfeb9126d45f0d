using Basis.Api.Hosting;
using Basis.Server.Cli;
using Microsoft.Extensions.FileProviders;

namespace Basis.Server.Hosting;

/// <summary>
/// The web dashboard's build (<c>web/dist</c>, or <c>BASIS_WEB_DIR</c>) served at <c>/</c>: its files, with a year's
/// cache for the content-hashed <c>/assets/</c> and none for the rest, and <c>index.html</c> for any other GET a route
/// does not answer (the single-page app's deep links). Routes always win, and the API's prefix, <c>/health</c> and
/// <c>/openapi</c> are never the dashboard's. The build's <c>docs/</c> folder, the API reference UI (Swagger UI on
/// <c>/openapi/v1.json</c>), is served at <c>/docs/</c>. Without a build, its pages answer 404 naming the command that
/// builds it.
/// </summary>
internal sealed class WebDashboard
{
    /// <summary>The command, run at the repository's root, that builds the dashboard.</summary>
    public const string BuildCommand = "npm ci --prefix web && npm --prefix web run build";

    private const string AssetsPath = "/assets";
    private const string HashedAssetCache = "public, max-age=31536000, immutable";

    private WebDashboard(string? directory) => Directory = directory;

    /// <summary>The build's folder; null when neither the setting nor a checkout names one.</summary>
    public string? Directory { get; }

    /// <summary>True when the folder holds a build (its <c>index.html</c>).</summary>
    public bool IsBuilt => Directory is not null && File.Exists(Path.Combine(Directory, "index.html"));

    /// <summary>What the server serves at <c>/</c>, for its start-up line.</summary>
    public string Description => !IsBuilt
        ? $"no dashboard build ({Directory ?? "no checkout"}: {BuildCommand})"
        : File.Exists(Path.Combine(Directory!, "docs", "index.html")) ? $"dashboard at / and API reference at /docs/ from {Directory}" : $"dashboard at / from {Directory}";

    /// <summary><c>BASIS_WEB_DIR</c>, else the <c>web/dist</c> of the checkout the server runs in.</summary>
    public static WebDashboard Locate(HostSettings host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new WebDashboard(host.WebDirectory ?? CliPaths.WebBuild());
    }

    /// <summary>
    /// Serves the dashboard for GET and HEAD requests no route matched outside <paramref name="routePrefix"/>,
    /// <c>/health</c> and <c>/openapi</c>; everything else goes on to the routes and their 404s.
    /// </summary>
    public void Use(WebApplication app, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(app);
        string[] reserved = routePrefix.Length == 0 ? ["/health", "/openapi"] : ["/" + routePrefix, "/health", "/openapi"];
        app.UseWhen(
            context => context.GetEndpoint() is null
                && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && !reserved.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)),
            IsBuilt ? ServeBuild : ServeBuildMissing);
    }

    private void ServeBuild(IApplicationBuilder branch)
    {
        var files = new PhysicalFileProvider(Directory!);

        // A folder with its own index.html is a page of its own: the API reference at /docs/ (and /docs, redirected to it).
        branch.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        branch.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments(AssetsPath, StringComparison.Ordinal) ? HashedAssetCache : "no-cache",
        });
        branch.Run(async context =>
        {
            // A missing file under /assets is a stale or wrong link, not a page: index.html there would hide it.
            if (context.Request.Path.StartsWithSegments(AssetsPath, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted).ConfigureAwait(false);
        });
    }

    private static void ServeBuildMissing(IApplicationBuilder branch) => branch.Run(context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"The web dashboard is not built. At the repository's root run: {BuildCommand} (then restart basis serve), or set BASIS_WEB_DIR to a build.\n",
            context.RequestAborted);
    });
}
