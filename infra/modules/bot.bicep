// Azure Bot for Virtual MARAC with the Microsoft Teams channel. Multi-tenant bot creation is
// deprecated (PLATFORM.md §9), so the bot is SingleTenant (the app registration) or
// UserAssignedMSI (the managed identity). Calling is enabled only for camera evidence.

param name string
param displayName string

@description('https origin of the service; the bot posts to /api/messages and calls to /api/calling.')
param publicOrigin string

@allowed(['SingleTenant', 'UserAssignedMSI'])
param appType string
param appId string
param tenantId string
@description('Resource id of the user-assigned managed identity (UserAssignedMSI only).')
param identityResourceId string = ''

param enableCalling bool

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' } // Teams is a standard channel: no charge for its messages
  properties: {
    displayName: displayName
    endpoint: '${publicOrigin}/api/messages'
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      deploymentEnvironment: 'CommercialDeployment'
      enableCalling: enableCalling
      callingWebhook: enableCalling ? '${publicOrigin}/api/calling' : null
    }
  }
}

output botId string = appId
