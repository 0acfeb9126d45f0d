using Basis.Testing;

// One PostgreSQL server and one Azurite for the whole assembly; each test class takes its own database.
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: AssemblyFixture(typeof(AzuriteServer))]
