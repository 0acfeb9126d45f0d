# The Azure Functions app (functions/Basis.FunctionApp) in the Functions host's isolated-worker image: for a Premium
# plan with a custom container, Azure Container Apps, or Kubernetes with KEDA. Build from the repository root:
#   docker build -f infra/docker/functions.Dockerfile -t basis-functions .
# NOT BUILT HERE: its base, the Functions host image, exists only on mcr.microsoft.com, which this project's CI
# cannot reach, and the host is not a Debian package to build a stand-in from. The self-hosted server's Dockerfile
# is what CI builds and runs. Settings are app settings (or -e): AzureWebJobsStorage, BASIS_DATABASE_CONNECTION, ...
ARG DOTNET_SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG FUNCTIONS_IMAGE=mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0

FROM ${DOTNET_SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY shared/Basis.Core/Basis.Core.csproj shared/Basis.Core/
COPY shared/Basis.Configuration/Basis.Configuration.csproj shared/Basis.Configuration/
COPY shared/Basis.Data/Basis.Data.csproj shared/Basis.Data/
COPY shared/Basis.Venues/Basis.Venues.csproj shared/Basis.Venues/
COPY shared/Basis.Live/Basis.Live.csproj shared/Basis.Live/
COPY orchestrations/Basis.Orchestrations/Basis.Orchestrations.csproj orchestrations/Basis.Orchestrations/
COPY functions/Basis.Api/Basis.Api.csproj functions/Basis.Api/
COPY functions/Basis.FunctionApp/Basis.FunctionApp.csproj functions/Basis.FunctionApp/
RUN dotnet restore functions/Basis.FunctionApp/Basis.FunctionApp.csproj
COPY shared/ shared/
COPY orchestrations/Basis.Orchestrations/ orchestrations/Basis.Orchestrations/
COPY functions/Basis.Api/ functions/Basis.Api/
COPY functions/Basis.FunctionApp/ functions/Basis.FunctionApp/
COPY configs/ configs/
COPY data/ data/
RUN dotnet publish functions/Basis.FunctionApp/Basis.FunctionApp.csproj --configuration Release --no-restore \
      --output /home/site/wwwroot

FROM ${FUNCTIONS_IMAGE}
ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true \
    FUNCTIONS_WORKER_RUNTIME=dotnet-isolated \
    BASIS_DEPLOYMENT_MODE=docker
COPY --from=build /home/site/wwwroot /home/site/wwwroot
