using Basis.Testing;

// One PostgreSQL server for the whole assembly; each test class takes its own database.
[assembly: AssemblyFixture(typeof(PostgresServer))]
