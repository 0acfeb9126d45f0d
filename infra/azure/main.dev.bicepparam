// dev: the cheapest shape that runs everything. Flex Consumption (scales to zero), Burstable B1ms PostgreSQL,
// 7-day backups, short retention everywhere, no purge protection (the vault can be purged and recreated).
//
// Secrets come from the environment of whoever deploys (never from this file):
//   BASIS_POSTGRES_ADMIN_PASSWORD  the PostgreSQL administrator password (12+ characters, no ; ' or ")
//   BASIS_API_KEY_HASHES           comma-separated SHA-256 hashes from 'basis api-key new'
using 'main.bicep'

param environmentName = 'dev'
param baseName = 'basis'

param functionPlanSku = 'FC1'
param flexInstanceMemoryMB = 2048
param flexMaximumInstanceCount = 40
param flexAlwaysReady = []

param dataMode = 'blob'
param taskHubName = 'basisdev'

param storageSku = 'Standard_LRS'
param blobSoftDeleteDays = 7
param logRetentionDays = 30

param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionDays = 7

param postgresVersion = '16'
param postgresSkuName = 'Standard_B1ms'
param postgresSkuTier = 'Burstable'
param postgresStorageSizeGB = 32
param postgresBackupRetentionDays = 7
param postgresGeoRedundantBackup = false
param postgresAdminLogin = 'basisadmin'
param postgresAdminPassword = readEnvironmentVariable('BASIS_POSTGRES_ADMIN_PASSWORD')

param apiKeyHashes = readEnvironmentVariable('BASIS_API_KEY_HASHES')
