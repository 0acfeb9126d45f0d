// The Function App (Linux, .NET isolated worker) on a Flex Consumption (FC1) or Elastic Premium (EP1-EP3) plan, its
// system-assigned identity's role assignments, and its app settings.
//
// Order matters for a system-assigned identity: it exists only once the site does, and Key Vault references and
// identity-based storage need its role assignments. So the site is created first with no app settings, then the role
// assignments, then the app settings (a separate 'appsettings' resource that waits for the roles). Writing the
// settings restarts the app, which then resolves the Key Vault references with its roles in place.

@description('Azure region.')
param location string

@description('Function App name (globally unique: <name>.azurewebsites.net).')
param appName string

@description('Hosting plan name.')
param planName string

@description('FC1 = Flex Consumption; EP1-EP3 = Elastic Premium.')
@allowed([
  'FC1'
  'EP1'
  'EP2'
  'EP3'
])
param planSku string

@description('.NET version of the isolated worker.')
param dotnetVersion string

@description('Flex Consumption: the most instances the app scales out to (40 to 1000).')
@minValue(40)
@maxValue(1000)
param flexMaximumInstanceCount int

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int

@description('Flex Consumption: always-ready instances per function group (http, durable, blob) or function:<name>.')
param flexAlwaysReady alwaysReadyEntry[]

@description('Elastic Premium: instances kept warm (plan minimum and the app\'s always-ready count).')
@minValue(1)
@maxValue(20)
param premiumMinimumInstances int

@description('Elastic Premium: the most instances the plan bursts to.')
@minValue(1)
@maxValue(100)
param premiumMaximumInstances int

@description('The storage account (AzureWebJobsStorage, identity-based).')
param storageAccountName string

@description('The storage account\'s blob endpoint (for the Flex deployment container URL).')
param storageBlobEndpoint string

@description('The Flex Consumption deployment container.')
param deploymentContainerName string

@description('Elastic Premium content share name (WEBSITE_CONTENTSHARE).')
param contentShareName string

@description('The Key Vault holding the secrets the app settings reference.')
param keyVaultName string

@description('Versionless secret URI: BASIS_DATABASE_CONNECTION.')
param databaseConnectionSecretUri string

@description('Versionless secret URI: BASIS_API_KEY_HASHES.')
param apiKeyHashesSecretUri string

@description('Versionless secret URI of the key-based storage connection string; empty when none is stored.')
param storageConnectionSecretUri string

@description('The Application Insights component (its connection string becomes APPLICATIONINSIGHTS_CONNECTION_STRING).')
param appInsightsName string

@description('BASIS_ENVIRONMENT: dev | staging | production.')
param environmentName string

@description('BASIS_DATA_MODE: csv | blob | db.')
param dataMode string

@description('BASIS_BLOB_CONTAINER.')
param marketDataContainerName string

@description('The Durable Task hub (3-45 letters or digits, starting with a letter).')
param taskHubName string

@description('Tags applied to every resource.')
param tags { *: string }

@export()
@description('An always-ready entry of a Flex Consumption app.')
type alwaysReadyEntry = {
  @description('A function group (http, durable, blob) or function:<name>.')
  name: string
  @description('Instances kept ready.')
  @minValue(0)
  instanceCount: int
}

var isFlex = planSku == 'FC1'

@description('An app setting value that App Service resolves from Key Vault with the app\'s identity.')
func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: planSku
        tier: 'ElasticPremium'
        family: 'EP'
        capacity: premiumMinimumInstances
      }
  properties: {
    // Linux.
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : premiumMaximumInstances
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      // Elastic Premium selects the stack here. The schema takes any string; DOTNET-ISOLATED|10.0 is the .NET 10
      // isolated stack. Flex Consumption has no linuxFxVersion: its stack is functionAppConfig.runtime below.
      linuxFxVersion: isFlex ? null : 'DOTNET-ISOLATED|${dotnetVersion}'
      minimumElasticInstanceCount: isFlex ? null : premiumMinimumInstances
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    // Flex Consumption only: runtime, scale, and the package container read with the app's identity.
    // runtime.version is a free string in Microsoft.Web@2025-03-01 ("Example: 8 (for dotnet-isolated)"), so 10.0 is
    // accepted by the schema; whether a region offers it is only known at deployment.
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${storageBlobEndpoint}${deploymentContainerName}'
              authentication: {
                type: 'SystemAssignedIdentity'
              }
            }
          }
          runtime: {
            name: 'dotnet-isolated'
            version: dotnetVersion
          }
          scaleAndConcurrency: {
            maximumInstanceCount: flexMaximumInstanceCount
            instanceMemoryMB: flexInstanceMemoryMB
            alwaysReady: flexAlwaysReady
          }
        }
      : null
  }
}

// FTP is off (ftpsState) and so is FTP basic-auth publishing. SCM basic auth is left at its default so
// 'func azure functionapp publish' and zip deploy work with either credential kind.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

// Built-in role definition IDs (the same in every tenant).
var roles = {
  // The Functions host takes blob leases and writes keys; the Durable extension keeps large messages and leases in
  // blobs; Flex Consumption reads its package from the deployment container.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Durable Task control and work-item queues.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Durable Task history and instance tables.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Reads secret values for Key Vault references; cannot list or change them.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource storage 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: keyVaultName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]: {
    name: guid(storage.id, site.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: site.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource keyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

var commonSettings = {
  // Identity-based host storage: no connection string, no key. The Functions host and the Durable Task extension's
  // Azure Storage provider both connect with the app's identity and the three storage roles above.
  AzureWebJobsStorage__accountName: storage.name
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  // The Functions app takes its task hub from host.json (hubName: basis); this setting overrides it per deployment.
  // BASIS_TASK_HUB carries the same name for the settings the app shares with the self-hosted server.
  AzureFunctionsJobHost__extensions__durableTask__hubName: taskHubName
  BASIS_TASK_HUB: taskHubName
  BASIS_ENVIRONMENT: environmentName
  BASIS_EXECUTION_MODE: 'backtest'
  BASIS_DATA_MODE: dataMode
  BASIS_BLOB_CONTAINER: marketDataContainerName
  BASIS_LIVE_TRADING__ENABLED: 'false'
  BASIS_LIVE_TRADING__READ_ONLY: 'true'
  // Secrets: Key Vault references only.
  BASIS_DATABASE_CONNECTION: keyVaultReference(databaseConnectionSecretUri)
  BASIS_API_KEY_HASHES: keyVaultReference(apiKeyHashesSecretUri)
}

// Blob mode opens its container from a connection string (BASIS_BLOB_CONNECTION, else AzureWebJobsStorage, which
// is identity-based here and so not a connection string): the key-based one, from Key Vault.
var blobModeSettings = dataMode == 'blob'
  ? {
      BASIS_BLOB_CONNECTION: keyVaultReference(storageConnectionSecretUri)
    }
  : {}

// Flex Consumption rejects these (its runtime and package come from functionAppConfig); Elastic Premium needs them.
// The content share is Azure Files, which has no managed-identity access for it: a key-based connection string from
// Key Vault, with validation skipped because the platform cannot resolve a reference while validating.
var premiumSettings = isFlex
  ? {}
  : {
      FUNCTIONS_EXTENSION_VERSION: '~4'
      FUNCTIONS_WORKER_RUNTIME: 'dotnet-isolated'
      WEBSITE_CONTENTAZUREFILECONNECTIONSTRING: keyVaultReference(storageConnectionSecretUri)
      WEBSITE_CONTENTSHARE: contentShareName
      WEBSITE_SKIP_CONTENTSHARE_VALIDATION: '1'
      // Zip deploy sets this too; declaring it keeps a later template deployment from dropping it.
      WEBSITE_RUN_FROM_PACKAGE: '1'
    }

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(commonSettings, blobModeSettings, premiumSettings)
  dependsOn: [
    storageRoles
    keyVaultSecretsUser
  ]
}

@description('The Function App name.')
output name string = site.name

@description('The default host name, <name>.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName
