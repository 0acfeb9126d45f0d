using System.Runtime.Versioning;

// Containers, stacks and servers of one test would compete with another's for ports and the two cores: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
// Docker, Caddy, bash and the scripts under test: Linux only.
[assembly: SupportedOSPlatform("linux")]
