// The Function App's storage account: the Functions host (keys, timer leases), the Durable Task hub (queues, tables,
// blobs: created by the Durable extension on first start), the market-data container read by BASIS_DATA_MODE=blob,
// the package container of a Flex Consumption app and, on Elastic Premium only, the app's content file share.

@description('Azure region.')
param location string

@description('Storage account name (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Replication.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Whether account keys work at all. Off unless something needs a key: the Elastic Premium content share (Azure Files has no managed-identity access for it) or BASIS_DATA_MODE=blob (the app opens the container from a connection string).')
param allowSharedKeyAccess bool

@description('The container BASIS_DATA_MODE=blob reads (BASIS_BLOB_CONTAINER).')
param marketDataContainerName string

@description('The container a Flex Consumption app is deployed from.')
param deploymentContainerName string

@description('The Elastic Premium content share (WEBSITE_CONTENTSHARE); empty for Flex Consumption, which has none.')
param contentShareName string

@description('Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int

@description('Tags applied to every resource.')
param tags { *: string }

resource account 'Microsoft.Storage/storageAccounts@2026-09-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    allowSharedKeyAccess: allowSharedKeyAccess
    // The portal and tools use Entra ID by default, not the key.
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: false
      services: {
        blob: {
          enabled: true
        }
        file: {
          enabled: true
        }
        queue: {
          enabled: true
          keyType: 'Account'
        }
        table: {
          enabled: true
          keyType: 'Account'
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-09-01' = {
  parent: account
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: blobSoftDeleteDays
    }
  }
}

resource marketData 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobService
  name: marketDataContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deployment 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-09-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2026-09-01' = if (!empty(contentShareName)) {
  parent: account
  name: 'default'
}

// Created here because the app setting that points at it is a Key Vault reference, which the platform cannot resolve
// while validating the setting (WEBSITE_SKIP_CONTENTSHARE_VALIDATION=1 in functionApp.bicep), so it won't create it.
resource contentShare 'Microsoft.Storage/storageAccounts/fileServices/shares@2026-09-01' = if (!empty(contentShareName)) {
  parent: fileService
  name: contentShareName
  properties: {
    shareQuota: 100
  }
}

@description('The storage account name.')
output name string = account.name

@description('The blob endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('The market-data container name.')
output marketDataContainerName string = marketData.name

@description('The Flex Consumption deployment container name.')
output deploymentContainerName string = deployment.name
