// Private networking (an area's choice, privateNetworking=true): the App Service integrates
// with one subnet and PostgreSQL is injected into another, reachable only inside the virtual
// network through a private DNS zone. Nothing about the database is exposed to the internet.

@description('Prefix for resource names.')
param name string
param location string

@description('Address space of the virtual network; pick one that does not clash with networks you peer with.')
param addressPrefix string = '10.40.0.0/16'

var appSubnetPrefix = cidrSubnet(addressPrefix, 24, 1)
var databaseSubnetPrefix = cidrSubnet(addressPrefix, 24, 2)

resource vnet 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: 'vnet-${name}'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            { name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }
          ]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: databaseSubnetPrefix
          delegations: [
            { name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }
          ]
        }
      }
    ]
  }
}

// A VNet-injected flexible server needs a private DNS zone whose name ends in
// .postgres.database.azure.com, linked to the network the app resolves names in.
resource dnsZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: '${name}.private.postgres.database.azure.com'
  location: 'global'
}

resource dnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: dnsZone
  name: 'vnet-${name}'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}

output appSubnetId string = vnet.properties.subnets[0].id
output databaseSubnetId string = vnet.properties.subnets[1].id
output dnsZoneId string = dnsZone.id
