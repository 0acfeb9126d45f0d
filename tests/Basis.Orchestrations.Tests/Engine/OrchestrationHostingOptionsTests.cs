using Basis.Orchestrations.Engine;
using Microsoft.Extensions.Configuration;

namespace Basis.Orchestrations.Tests.Engine;

public sealed class OrchestrationHostingOptionsTests
{
    [Fact]
    public void Nothing_configured_means_an_embedded_silo_on_the_default_ports()
    {
        var options = OrchestrationHostingOptions.FromConfiguration(Settings());

        Assert.Equal(OrchestrationClusterMode.Embedded, options.Mode);
        Assert.Null(options.RedisConnection);
        Assert.Equal(11111, options.SiloPort);
        Assert.Equal(30000, options.GatewayPort);
        Assert.Equal("basis", options.ClusterId);
    }

    [Fact]
    public void Redis_mode_reads_every_setting()
    {
        var options = OrchestrationHostingOptions.FromConfiguration(Settings(
            ("BASIS_CLUSTER_MODE", "Redis"),
            ("BASIS_REDIS_CONNECTION", "127.0.0.1:6380,password=s3cret"),
            ("BASIS_SILO_PORT", "12000"),
            ("BASIS_GATEWAY_PORT", " 31000 "),
            ("BASIS_CLUSTER_ID", "backtests")));

        Assert.Equal(OrchestrationClusterMode.Redis, options.Mode);
        Assert.Equal("127.0.0.1:6380,password=s3cret", options.RedisConnection);
        Assert.Equal(12000, options.SiloPort);
        Assert.Equal(31000, options.GatewayPort);
        Assert.Equal("backtests", options.ClusterId);
    }

    [Theory]
    [InlineData("BASIS_CLUSTER_MODE", "kubernetes", "BASIS_CLUSTER_MODE must be 'embedded' or 'redis'")]
    [InlineData("BASIS_SILO_PORT", "eleven", "BASIS_SILO_PORT must be a TCP port number")]
    [InlineData("BASIS_SILO_PORT", "-1", "BASIS_SILO_PORT must be a TCP port number")]
    [InlineData("BASIS_GATEWAY_PORT", "70000", "BASIS_GATEWAY_PORT must be a TCP port number")]
    [InlineData("BASIS_GATEWAY_PORT", "11111", "BASIS_SILO_PORT and BASIS_GATEWAY_PORT must differ")]
    public void A_bad_value_is_refused_naming_its_key(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrchestrationHostingOptions.FromConfiguration(Settings((key, value))));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Redis_mode_without_a_connection_fails_naming_the_variable(string? connection)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrchestrationHostingOptions.FromConfiguration(Settings(
            ("BASIS_CLUSTER_MODE", "redis"), ("BASIS_REDIS_CONNECTION", connection))));

        Assert.StartsWith("BASIS_REDIS_CONNECTION is required when BASIS_CLUSTER_MODE is 'redis'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password=s3cret")]
    [InlineData("127.0.0.1:6379,password=s3cret,connectTimeout=soon")]
    public void A_bad_redis_connection_is_refused_without_quoting_its_password(string connection)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrchestrationHostingOptions.FromConfiguration(Settings(
            ("BASIS_CLUSTER_MODE", "redis"), ("BASIS_REDIS_CONNECTION", connection))));

        Assert.StartsWith("BASIS_REDIS_CONNECTION ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_mode_ignores_a_redis_connection_it_does_not_need()
    {
        var options = OrchestrationHostingOptions.FromConfiguration(Settings(("BASIS_REDIS_CONNECTION", "not even parsed")));

        Assert.Equal(OrchestrationClusterMode.Embedded, options.Mode);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
