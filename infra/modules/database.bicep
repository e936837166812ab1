// Azure Database for PostgreSQL Flexible Server for Virtual MARAC: TLS 1.2+ required on every
// connection, password auth for the service's own login (the password lives in Key Vault),
// and either no public access at all (private networking) or public access limited to Azure.

param name string
param location string

@description('Compute SKU, e.g. Standard_B1ms (Burstable) for a pilot, Standard_D2ds_v5 (GeneralPurpose) for production.')
param skuName string
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param tier string
@description('Zone-redundant high availability (GeneralPurpose or MemoryOptimized only); doubles compute cost.')
param highAvailability bool
param storageSizeGB int = 32
@description('Point-in-time restore window. Purged case data stays recoverable from backups for this long.')
@minValue(7)
@maxValue(35)
param backupRetentionDays int = 14

param adminLogin string
@secure()
param adminPassword string

param privateNetworking bool
param delegatedSubnetId string = ''
param privateDnsZoneId string = ''

var privateNetwork = {
  delegatedSubnetResourceId: delegatedSubnetId
  privateDnsZoneArmResourceId: privateDnsZoneId
  publicNetworkAccess: 'Disabled'
}
var publicNetwork = { publicNetworkAccess: 'Enabled' }

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  sku: { name: skuName, tier: tier }
  properties: {
    version: '16'
    administratorLogin: adminLogin
    administratorLoginPassword: adminPassword
    authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' }
    storage: { storageSizeGB: storageSizeGB, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: backupRetentionDays, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: highAvailability ? 'ZoneRedundant' : 'Disabled' }
    network: privateNetworking ? privateNetwork : publicNetwork
  }
}

// TLS is on by default; state it so nobody can turn it off by drift.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: { value: 'ON', source: 'user-override' }
}

resource minTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'ssl_min_protocol_version'
  properties: { value: 'TLSv1.2', source: 'user-override' }
  dependsOn: [requireTls] // configuration changes on one server must not run in parallel
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'marac'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
  dependsOn: [minTls]
}

// Without private networking, only Azure services may connect (0.0.0.0 is Azure's marker for
// that); TLS and the Key Vault-held password still apply. Private networking is the better choice.
resource azureOnly 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (!privateNetworking) {
  parent: server
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
  dependsOn: [database]
}

output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
output serverName string = server.name
