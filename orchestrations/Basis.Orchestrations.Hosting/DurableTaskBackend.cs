namespace Basis.Orchestrations.Hosting;

/// <summary>Where the self-hosted engine keeps its orchestrations.</summary>
public enum DurableTaskBackend
{
    /// <summary>In process memory: nothing to install, nothing durable (the command line, a laptop).</summary>
    Embedded,

    /// <summary>The Durable Task Framework's Azure Storage provider (Azure Storage, or Azurite locally): durable, shared by several processes.</summary>
    AzureStorage,
}
