// Key Vault for the Function App's secrets. RBAC authorization only (no access policies): the app reads secrets
// through Key Vault references with its managed identity ("Key Vault Secrets User", granted in functionApp.bicep).
// The secrets are written here by the deployment (control plane), from @secure() parameters or from the storage
// account's key; none ever appears in an app setting, a deployment output or a log.

@description('Azure region.')
param location string

@description('Key Vault name (3-24 letters, digits and hyphens; globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Purge protection: a deleted vault or secret cannot be purged before its retention ends. Cannot be turned off again once on, so it is for production.')
param enablePurgeProtection bool

@description('Days a deleted vault or secret can be recovered (7 to 90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('The PostgreSQL connection string (BASIS_DATABASE_CONNECTION).')
@secure()
param databaseConnection string

@description('SHA-256 hashes of the API keys, comma-separated (BASIS_API_KEY_HASHES).')
@secure()
param apiKeyHashes string

@description('The storage account whose key-based connection string is stored, when storeStorageConnection is true.')
param storageAccountName string

@description('Store a key-based storage connection string (for the Elastic Premium content share and BASIS_BLOB_CONNECTION).')
param storeStorageConnection bool

@description('Tags applied to every resource.')
param tags { *: string }

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // Key Vault refuses an explicit false once purge protection exists, so "off" is expressed by leaving it out.
    enablePurgeProtection: enablePurgeProtection ? true : null
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // Reachable over the public endpoint, authenticated by Entra ID + RBAC only. App Service resolves Key Vault
    // references over the public endpoint unless the app is VNet-integrated, which these templates do not do.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource databaseConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'basis-database-connection'
  properties: {
    value: databaseConnection
    contentType: 'Npgsql connection string'
  }
}

resource apiKeyHashesSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'basis-api-key-hashes'
  properties: {
    value: apiKeyHashes
    contentType: 'comma-separated SHA-256 hex hashes'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: storageAccountName
}

resource storageConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = if (storeStorageConnection) {
  parent: vault
  name: 'basis-storage-connection'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    contentType: 'Azure Storage connection string'
  }
}

@description('The vault name.')
output name string = vault.name

@description('Versionless URI of the database connection secret (a reference always reads the latest version).')
output databaseConnectionSecretUri string = databaseConnectionSecret.properties.secretUri

@description('Versionless URI of the API key hashes secret.')
output apiKeyHashesSecretUri string = apiKeyHashesSecret.properties.secretUri

@description('Versionless URI of the storage connection secret; empty when it is not stored.')
output storageConnectionSecretUri string = storeStorageConnection ? storageConnectionSecret!.properties.secretUri : ''
