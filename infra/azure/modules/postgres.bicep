// PostgreSQL Flexible Server: the system of record for runs and results (BASIS_DATABASE_CONNECTION) and, with
// BASIS_DATA_MODE=db, market data. One database, 'basis'; the app applies its migrations at start-up.

@description('Azure region.')
param location string

@description('Server name (3-63 lowercase letters, digits and hyphens; globally unique: <name>.postgres.database.azure.com).')
@minLength(3)
@maxLength(63)
param serverName string

@description('PostgreSQL major version.')
@allowed([
  '15'
  '16'
])
param version string

@description('Compute SKU, e.g. Standard_B1ms (Burstable), Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@description('Compute tier; must match skuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@description('Storage in GiB (it can grow, never shrink).')
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
param storageSizeGB int

@description('Days of point-in-time restore (7 to 35).')
@minValue(7)
@maxValue(35)
param backupRetentionDays int

@description('Keep backups in the paired region as well (can only be chosen when the server is created).')
param geoRedundantBackup bool

@description('Administrator login (not a secret; the password is).')
@minLength(1)
@maxLength(63)
param administratorLogin string

@description('Administrator password.')
@secure()
param administratorLoginPassword string

@description('The application database.')
param databaseName string

@description('Tags applied to every resource.')
param tags { *: string }

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2026-10-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorLoginPassword
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    // Public endpoint, closed by the firewall below except to Azure services. No private networking in these
    // templates (see README: what is not here).
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2026-10-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// The special 0.0.0.0-0.0.0.0 rule means "allow connections from Azure services" (which includes the Function App's
// outbound addresses); it is not 0.0.0.0/0. No other rule exists, so no address outside Azure can connect.
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2026-10-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// On by default; set here so the connection string's SSL Mode=Require is never the only guard.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2026-10-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: {
    value: 'ON'
    source: 'user-override'
  }
  dependsOn: [
    // The server accepts one change at a time: let the database and firewall rule finish first.
    database
    allowAzureServices
  ]
}

@description('The server host name, e.g. <name>.postgres.database.azure.com.')
output fqdn string = server.properties.fullyQualifiedDomainName

@description('The application database name.')
output databaseName string = database.name
