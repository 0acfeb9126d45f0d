// production: Flex Consumption with always-ready instances for the Durable Task group (orchestrations and
// activities start without a cold start) and the HTTP API, 4 GB instances; General Purpose PostgreSQL with 35-day,
// geo-redundant backups; zone-redundant storage; 90-day log retention; Key Vault purge protection (irreversible).
//
// Elastic Premium instead: functionPlanSku = 'EP1' and premiumMinimumInstances / premiumMaximumInstances (the flex*
// values are then ignored). It adds an Azure Files content share, which needs the storage account key (kept in
// Key Vault); see README.md.
//
// Secrets come from the environment of whoever deploys (never from this file):
//   BASIS_POSTGRES_ADMIN_PASSWORD  the PostgreSQL administrator password (12+ characters, no ; ' or ")
//   BASIS_API_KEY_HASHES           comma-separated SHA-256 hashes from 'basis api-key new'
using 'main.bicep'

param environmentName = 'production'
param baseName = 'basis'

param functionPlanSku = 'FC1'
param flexInstanceMemoryMB = 4096
param flexMaximumInstanceCount = 200
param flexAlwaysReady = [
  {
    name: 'durable'
    instanceCount: 1
  }
  {
    name: 'http'
    instanceCount: 1
  }
]

param dataMode = 'blob'
param taskHubName = 'basisprod'

param storageSku = 'Standard_ZRS'
param blobSoftDeleteDays = 30
param logRetentionDays = 90

param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionDays = 90

param postgresVersion = '16'
param postgresSkuName = 'Standard_D2ds_v5'
param postgresSkuTier = 'GeneralPurpose'
param postgresStorageSizeGB = 128
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param postgresAdminLogin = 'basisadmin'
param postgresAdminPassword = readEnvironmentVariable('BASIS_POSTGRES_ADMIN_PASSWORD')

param apiKeyHashes = readEnvironmentVariable('BASIS_API_KEY_HASHES')
