using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Basis.Testing;

/// <summary>
/// What a test does when a real service cannot be started: skipped with the reason on a developer's machine,
/// failed in CI (<c>BASIS_REQUIRE_SERVICES=1</c>, set by <c>.ci/run</c>), so CI never goes green by skipping.
/// </summary>
public static class ServiceRequirement
{
    /// <summary>True when missing services must fail the run.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("BASIS_REQUIRE_SERVICES") == "1";

    /// <summary>Skips (or, in CI, fails) the current test because <paramref name="reason"/>.</summary>
    [DoesNotReturn]
    public static void Unavailable(string reason)
    {
        if (Required)
        {
            Assert.Fail($"{reason} (BASIS_REQUIRE_SERVICES=1, so this fails instead of skipping)");
        }

        Assert.Skip(reason);
    }

    /// <summary>A TCP port free on 127.0.0.1 right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
