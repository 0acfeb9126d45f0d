using System.Reflection;
using System.Text.Json;
using Basis.Api.Hosting;
using Basis.FunctionApp.Functions;
using Basis.FunctionApp.Hosting;
using Basis.FunctionApp.Tests.Support;
using Basis.Live.Schedules;
using Basis.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using NCrontab;

namespace Basis.FunctionApp.Tests;

/// <summary>
/// The build's <c>functions.metadata</c>, which is what the Functions host indexes, against lists read from the code
/// rather than copied into the test: every orchestrator and activity of <see cref="BasisTasks"/> under the name the
/// orchestrations call it by, every route the self-hosted server maps, the timer; and the files the host needs beside
/// it. Removing or misnaming an adapter, or adding a task or route without one, fails here.
/// </summary>
public sealed class GeneratedMetadataTests
{
    private static readonly IReadOnlyList<FunctionEntry> Functions = FunctionsMetadata.Load(Repository.AppOutput);

    private static readonly Assembly App = typeof(FunctionAppHost).Assembly;

    [Fact]
    public void Every_orchestrator_has_an_orchestration_trigger_under_its_task_name_returning_its_output()
    {
        Assert.NotEmpty(BasisTasks.Orchestrators);
        foreach (var type in BasisTasks.Orchestrators)
        {
            var function = Single(TaskNameOf(type), "orchestrationTrigger");
            var (_, output) = TaskTypes(type, typeof(TaskOrchestrator<,>));
            Assert.Equal(typeof(Task<>).MakeGenericType(output), EntryPoint(function).ReturnType);
        }
    }

    [Fact]
    public void Every_activity_has_an_activity_trigger_under_its_task_name_taking_its_input_and_the_instance_id()
    {
        Assert.NotEmpty(BasisTasks.Activities);
        foreach (var type in BasisTasks.Activities)
        {
            var function = Single(TaskNameOf(type), "activityTrigger");
            var (input, output) = TaskTypes(type, typeof(TaskActivity<,>));
            var method = EntryPoint(function);
            Assert.Equal(input, method.GetParameters().Single(p => p.Name == function.Trigger.Name).ParameterType);
            Assert.Contains(method.GetParameters(), p => p.Name == "instanceId" && p.ParameterType == typeof(string));
            Assert.Equal(typeof(Task<>).MakeGenericType(output), method.ReturnType);
        }
    }

    [Fact]
    public async Task Every_route_the_server_maps_has_an_anonymous_http_trigger_with_the_same_method_and_route()
    {
        var server = await ServerRoutes.ReadAsync();
        var http = Functions.Where(f => f.Trigger.Type == "httpTrigger").ToList();

        var expected = server.Select(r => $"{r.Method} {r.Route}").ToHashSet(StringComparer.Ordinal);
        var triggers = http.SelectMany(f => f.Trigger.Methods.Select(m => $"{m.ToUpperInvariant()} {f.Trigger.Route}")).ToList();
        Assert.True(
            expected.SetEquals(triggers) && triggers.Count == expected.Count,
            $"No trigger for: {string.Join(", ", expected.Except(triggers))}. Triggers on no server route: {string.Join(", ", triggers.Except(expected))}. Duplicates: {string.Join(", ", triggers.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key))}.");
        foreach (var route in server.Where(r => r.UsesEngine))
        {
            var function = http.Single(f => f.Trigger.Route == route.Route && f.Trigger.Methods.Contains(route.Method, StringComparer.OrdinalIgnoreCase));
            Assert.True(function.Has("durableClient"), $"{function.Name} ({route.Method} {route.Route}) has no Durable client binding, but its handler needs the engine.");
        }

        // The handlers check API keys; a Functions key would be a second lock the server does not have.
        Assert.All(http, f => Assert.Equal("Anonymous", f.Trigger.AuthLevel));
        Assert.All(http, f => Assert.Contains(f.Bindings, b => b is { Name: "$return", Type: "http", Direction: "Out" }));
    }

    [Fact]
    public void The_run_record_timer_fires_every_minute_with_a_durable_client()
    {
        var function = Single("ReconcileRunRecords", "timerTrigger");

        Assert.Equal(RunRecordsTimer.Schedule, function.Trigger.Schedule);
        Assert.Equal(["0", "*/1", "*", "*", "*", "*"], function.Trigger.Schedule!.Split(' ')); // second minute hour day month weekday
        Assert.True(function.Has("durableClient"));
        EntryPoint(function);
    }

    [Theory]
    [InlineData("LiveRebalance", LiveTimer.Rebalance, LiveFunctions.RebalanceSchedule)]
    [InlineData("LiveHeartbeat", LiveTimer.Heartbeat, LiveFunctions.HeartbeatSchedule)]
    [InlineData("LiveReconcile", LiveTimer.Reconcile, LiveFunctions.ReconcileSchedule)]
    public void The_live_timers_fire_on_the_schedules_of_configs_schedules_live_yaml(string name, LiveTimer timer, string schedule)
    {
        var function = Single(name, "timerTrigger");
        var configured = LiveSchedules.Load(Repository.Configs)[timer];
        var fromTrigger = CrontabSchedule.Parse(function.Trigger.Schedule!, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

        Assert.Equal(schedule, function.Trigger.Schedule);
        var (from, to) = (new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 3, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(configured.GetNextOccurrences(from, to), fromTrigger.GetNextOccurrences(from, to));
        EntryPoint(function);
    }

    [Fact]
    public async Task Every_function_is_an_orchestrator_activity_route_or_a_timer_and_runs_a_method_of_the_app()
    {
        // The timers: run records, live rebalance, live reconcile, live heartbeat.
        var expected = BasisTasks.Orchestrators.Count + BasisTasks.Activities.Count + (await ServerRoutes.ReadAsync()).Count + 4;

        Assert.Equal(expected, Functions.Count);
        Assert.Equal(Functions.Count, Functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Functions, f => Assert.NotNull(EntryPoint(f).GetCustomAttribute<FunctionAttribute>()));
    }

    [Fact]
    public void The_host_finds_the_worker_and_the_durable_extension_beside_the_metadata()
    {
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.AppOutput, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.True(File.Exists(Path.Combine(Repository.AppOutput, description.GetProperty("defaultWorkerPath").GetString()!)));

        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.AppOutput, "extensions.json")));
        var durable = extensions.RootElement.GetProperty("extensions").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "DurableTask");
        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.", durable.GetProperty("typeName").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.AppOutput, durable.GetProperty("hintPath").GetString()!)));
    }

    [Fact]
    public void Host_json_puts_routes_under_api_and_orchestrations_on_a_valid_task_hub_of_four_partitions()
    {
        var hostJson = HostJson.Load(Path.Combine(Repository.AppOutput, "host.json"));

        Assert.Equal("api", hostJson.RoutePrefix);
        Assert.True(Basis.Orchestrations.DurableConventions.IsTaskHubName(hostJson.DurableTask.HubName), $"'{hostJson.DurableTask.HubName}' is not a task hub name");
        Assert.Equal(4, hostJson.DurableTask.PartitionCount);
        Assert.NotNull(hostJson.DurableTask.MaxConcurrentActivities);
        Assert.NotNull(hostJson.DurableTask.MaxConcurrentOrchestrations);
    }

    [Fact]
    public void The_configs_and_the_sample_data_travel_with_the_app_but_no_environment_file_does()
    {
        static IEnumerable<string> Files(string folder) =>
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal);

        Assert.Equal(Files(Repository.SampleData), Files(Path.Combine(Repository.AppOutput, "data")));
        Assert.Equal(
            Files(Repository.Configs).Where(f => !Path.GetFileName(f).StartsWith(".env.", StringComparison.Ordinal)),
            Files(Path.Combine(Repository.AppOutput, "configs")));
    }

    /// <summary>The name a task is registered and called by: its <c>[DurableTask]</c> name, else its class name (what <c>nameof</c> gives the callers).</summary>
    private static string TaskNameOf(Type type) => type.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name is { Length: > 0 } name ? name : type.Name;

    private static (Type Input, Type Output) TaskTypes(Type type, Type generic)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic)
            {
                return (t.GenericTypeArguments[0], t.GenericTypeArguments[1]);
            }
        }

        throw new InvalidOperationException($"{type} does not derive from {generic}.");
    }

    private static FunctionEntry Single(string name, string trigger)
    {
        var function = Functions.SingleOrDefault(f => f.Name == name);
        Assert.True(function is not null, $"functions.metadata has no function named '{name}'.");
        Assert.Equal(trigger, function.Trigger.Type);
        return function;
    }

    /// <summary>The method the host calls for <paramref name="function"/> (its <c>entryPoint</c> is Type.Method).</summary>
    private static MethodInfo EntryPoint(FunctionEntry function)
    {
        var split = function.EntryPoint.LastIndexOf('.');
        var type = App.GetType(function.EntryPoint[..split], throwOnError: true)!;
        var method = type.GetMethod(function.EntryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        Assert.True(method is not null, $"{function.Name}: {function.EntryPoint} is not a public method of the app.");
        Assert.Equal(function.Name, method.GetCustomAttribute<FunctionAttribute>()?.Name);
        return method;
    }
}
