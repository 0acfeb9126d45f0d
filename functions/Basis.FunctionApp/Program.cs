using Basis.FunctionApp.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Relative settings (local.settings.json's BASIS_DATA_DIR=data) mean the app's folder, which holds the copies of
// configs/ and data/, whatever folder the Functions host started the worker in.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
await using var components = await FunctionAppHost.OpenAsync();
builder.Services.AddBasisFunctionApp(components);
await builder.Build().RunAsync();
