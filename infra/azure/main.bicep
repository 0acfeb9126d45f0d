// Basis on Azure Functions: one resource group per environment holding the Function App (isolated worker, .NET 10),
// its storage account (host + Durable Task hub + market-data blobs), Key Vault, PostgreSQL Flexible Server and
// monitoring. Deploy with a main.<env>.bicepparam file (see README.md beside this file).
targetScope = 'resourceGroup'

import { alwaysReadyEntry } from 'modules/functionApp.bicep'

metadata description = 'Basis: Function App (Flex Consumption or Elastic Premium), Storage, Key Vault, PostgreSQL Flexible Server, Application Insights.'

@description('Azure region for every resource; the resource group\'s by default.')
param location string = resourceGroup().location

@description('The environment; also BASIS_ENVIRONMENT, which selects configs/.env.<environment> in the app.')
@allowed([
  'dev'
  'staging'
  'production'
])
param environmentName string

@description('Prefix of every resource name: 3-10 lowercase letters or digits.')
@minLength(3)
@maxLength(10)
param baseName string = 'basis'

@description('Extra tags for every resource (environment and application are always set).')
param tags { *: string } = {}

@description('Function App plan: FC1 = Flex Consumption; EP1-EP3 = Elastic Premium.')
@allowed([
  'FC1'
  'EP1'
  'EP2'
  'EP3'
])
param functionPlanSku string = 'FC1'

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param flexMaximumInstanceCount int = 100

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int = 2048

@description('Flex Consumption: always-ready instances, e.g. [{ name: \'durable\', instanceCount: 1 }] (groups: http, durable, blob).')
param flexAlwaysReady alwaysReadyEntry[] = []

@description('Elastic Premium: instances kept warm.')
@minValue(1)
@maxValue(20)
param premiumMinimumInstances int = 1

@description('Elastic Premium: the most instances the plan bursts to.')
@minValue(1)
@maxValue(100)
param premiumMaximumInstances int = 20

@description('BASIS_DATA_MODE: where market data is read: blob (the market-data container), db (PostgreSQL) or csv (the sample copied into the package).')
@allowed([
  'csv'
  'blob'
  'db'
])
param dataMode string = 'blob'

@description('The Durable Task hub (3-45 letters or digits, starting with a letter); one per app on a storage account.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'basis'

@description('Storage account replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key Vault purge protection (irreversible once on; production).')
param keyVaultPurgeProtection bool = false

@description('Days a deleted Key Vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionDays int = 90

@description('PostgreSQL major version.')
@allowed([
  '15'
  '16'
])
param postgresVersion string = '16'

@description('PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('PostgreSQL compute tier; must match postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
@allowed([
  32
  64
  128
  256
  512
  1024
  2048
  4096
])
param postgresStorageSizeGB int = 32

@description('PostgreSQL point-in-time restore window in days.')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('PostgreSQL geo-redundant backups (chosen at creation only).')
param postgresGeoRedundantBackup bool = false

@description('PostgreSQL administrator login; the app connects as this user.')
param postgresAdminLogin string = 'basisadmin'

@description('PostgreSQL administrator password. It goes into the connection string, so avoid ; \' and " in it.')
@secure()
@minLength(12)
param postgresAdminPassword string

@description('SHA-256 hashes (hex, comma-separated) of the API keys allowed to start and stop runs (basis api-key new).')
@secure()
@minLength(64)
param apiKeyHashes string

var isFlex = functionPlanSku == 'FC1'
var environmentAbbreviations = {
  dev: 'dev'
  staging: 'stg'
  production: 'prd'
}
var environmentAbbreviation = environmentAbbreviations[environmentName]
var suffix = take(uniqueString(resourceGroup().id, baseName, environmentName), 6)
var compactBaseName = toLower(replace(baseName, '-', ''))
var names = {
  workspace: 'log-${baseName}-${environmentAbbreviation}-${suffix}'
  appInsights: 'appi-${baseName}-${environmentAbbreviation}-${suffix}'
  storage: 'st${compactBaseName}${environmentAbbreviation}${suffix}'
  keyVault: 'kv-${baseName}-${environmentAbbreviation}-${suffix}'
  postgres: 'psql-${baseName}-${environmentAbbreviation}-${suffix}'
  plan: 'plan-${baseName}-${environmentAbbreviation}-${suffix}'
  functionApp: 'func-${baseName}-${environmentAbbreviation}-${suffix}'
}
var databaseName = 'basis'
// Elastic Premium's content share (Azure Files); Flex Consumption has none.
var contentShareName = isFlex ? '' : names.functionApp
// A key-based storage connection string exists only when something cannot use the app's identity: the Elastic
// Premium content share, or BASIS_DATA_MODE=blob (the app opens the container from a connection string). Otherwise
// the account's keys are switched off altogether.
var needsStorageKey = !isFlex || dataMode == 'blob'
var allTags = union(tags, {
  application: 'basis'
  environment: environmentName
})

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
    tags: allTags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: names.storage
    skuName: storageSku
    allowSharedKeyAccess: needsStorageKey
    marketDataContainerName: 'market-data'
    deploymentContainerName: 'app-package'
    contentShareName: contentShareName
    blobSoftDeleteDays: blobSoftDeleteDays
    tags: allTags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    serverName: names.postgres
    version: postgresVersion
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    databaseName: databaseName
    tags: allTags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    name: names.keyVault
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionDays
    // Built here, from the server's host name and the @secure() password, straight into a @secure() parameter of the
    // Key Vault module: it exists only as the secret's value.
    databaseConnection: 'Host=${postgres.outputs.fqdn};Port=5432;Database=${postgres.outputs.databaseName};Username=${postgresAdminLogin};Password=${postgresAdminPassword};SSL Mode=Require'
    apiKeyHashes: apiKeyHashes
    storageAccountName: storage.outputs.name
    storeStorageConnection: needsStorageKey
    tags: allTags
  }
}

module functionApp 'modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    appName: names.functionApp
    planName: names.plan
    planSku: functionPlanSku
    // The app targets net10.0 (Directory.Build.props).
    dotnetVersion: '10.0'
    flexMaximumInstanceCount: flexMaximumInstanceCount
    flexInstanceMemoryMB: flexInstanceMemoryMB
    flexAlwaysReady: flexAlwaysReady
    premiumMinimumInstances: premiumMinimumInstances
    premiumMaximumInstances: premiumMaximumInstances
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    contentShareName: contentShareName
    keyVaultName: keyVault.outputs.name
    databaseConnectionSecretUri: keyVault.outputs.databaseConnectionSecretUri
    apiKeyHashesSecretUri: keyVault.outputs.apiKeyHashesSecretUri
    storageConnectionSecretUri: keyVault.outputs.storageConnectionSecretUri
    appInsightsName: monitoring.outputs.appInsightsName
    environmentName: environmentName
    dataMode: dataMode
    marketDataContainerName: storage.outputs.marketDataContainerName
    taskHubName: taskHubName
    tags: allTags
  }
}

@description('The Function App name (for func azure functionapp publish / az functionapp deployment).')
output functionAppName string = functionApp.outputs.name

@description('The Function App host name; the API is https://<host>/api/...')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('The storage account name (basis data upload --to-blob targets its market-data container).')
output storageAccountName string = storage.outputs.name

@description('The Key Vault name.')
output keyVaultName string = keyVault.outputs.name

@description('The PostgreSQL server host name.')
output postgresFqdn string = postgres.outputs.fqdn
