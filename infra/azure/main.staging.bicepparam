// staging: production's shape (Flex Consumption, the same settings and identities) at a smaller size: no
// always-ready instances, a larger Burstable PostgreSQL, 14-day backups, no purge protection.
//
// Secrets come from the environment of whoever deploys (never from this file):
//   BASIS_POSTGRES_ADMIN_PASSWORD  the PostgreSQL administrator password (12+ characters, no ; ' or ")
//   BASIS_API_KEY_HASHES           comma-separated SHA-256 hashes from 'basis api-key new'
using 'main.bicep'

param environmentName = 'staging'
param baseName = 'basis'

param functionPlanSku = 'FC1'
param flexInstanceMemoryMB = 2048
param flexMaximumInstanceCount = 100
param flexAlwaysReady = []

param dataMode = 'blob'
param taskHubName = 'basisstaging'

param storageSku = 'Standard_LRS'
param blobSoftDeleteDays = 14
param logRetentionDays = 30

param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionDays = 30

param postgresVersion = '16'
param postgresSkuName = 'Standard_B2s'
param postgresSkuTier = 'Burstable'
param postgresStorageSizeGB = 64
param postgresBackupRetentionDays = 14
param postgresGeoRedundantBackup = false
param postgresAdminLogin = 'basisadmin'
param postgresAdminPassword = readEnvironmentVariable('BASIS_POSTGRES_ADMIN_PASSWORD')

param apiKeyHashes = readEnvironmentVariable('BASIS_API_KEY_HASHES')
