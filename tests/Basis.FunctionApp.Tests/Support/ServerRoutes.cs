using System.Reflection;
using Basis.Api.Http;
using Microsoft.AspNetCore.Builder;
using Basis.Orchestrations.Live;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.FunctionApp.Tests.Support;

/// <summary>One route of the API as the self-hosted server maps it: method, route after the prefix, and whether its handler takes the engine's client.</summary>
internal sealed record ServerRoute(string Method, string Route, bool UsesEngine);

/// <summary>
/// Every route <see cref="ApiRoutes.MapBasisApi"/> maps, read from the server's own endpoint table: the list the
/// Functions app's HTTP triggers must match, so a route added to the API without a trigger fails the tests.
/// </summary>
internal static class ServerRoutes
{
    private const string Prefix = "api";

    public static async Task<IReadOnlyList<ServerRoute>> ReadAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Registered so the endpoints' parameters are known as services; nothing is called.
        foreach (var service in new[] { typeof(RunHandlers), typeof(StrategyHandlers), typeof(LiveHandlers), typeof(HealthHandlers), typeof(DurableTaskClient), typeof(LiveRuntime) })
        {
            builder.Services.AddSingleton(service, _ => throw new NotSupportedException("Only the routes are read."));
        }

        await using var app = builder.Build();
        app.MapBasisApi(Prefix, readsNeedKey: false);
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods.Select(method => new ServerRoute(
                method.ToUpperInvariant(),
                Relative(endpoint.RoutePattern.RawText!),
                endpoint.Metadata.OfType<MethodInfo>().First().GetParameters().Any(p => p.ParameterType == typeof(DurableTaskClient)))))
            .ToList();
    }

    /// <summary><c>/api/v1/backtests</c> → <c>v1/backtests</c>; <c>/health</c> (at the root on the server) → <c>health</c>.</summary>
    private static string Relative(string pattern)
    {
        var route = pattern.TrimStart('/');
        return route.StartsWith(Prefix + "/", StringComparison.Ordinal) ? route[(Prefix.Length + 1)..] : route;
    }
}
