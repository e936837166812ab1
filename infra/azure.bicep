// Virtual MARAC on Azure, one resource group per environment: App Service (Linux, Node 24 LTS),
// Azure Bot with the Teams channel, PostgreSQL Flexible Server, Key Vault, Application Insights.
// Deployed by the Agents Toolkit (infra/m365agents.yml → arm/deploy, values from
// infra/env/.env.<env> through azure.parameters.json) or by `az deployment group create`.
// No Bicep compiler runs offline here: .github/workflows/infra.yml builds and lints this file
// online; infra/app-settings.test.ts checks offline that every production setting of
// server/settings.ts is provided by the app settings below. See docs/deploy.md.
targetScope = 'resourceGroup'

@description('Short name for this deployment, e.g. marac-nf-prod: lower-case letters, digits and hyphens.')
@minLength(3)
@maxLength(20)
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan (Linux). B1 for a pilot; P0v3 or above for production (zone redundancy needs P1v3+).')
@allowed(['B1', 'B2', 'B3', 'P0v3', 'P1v3', 'P2v3'])
param appServiceSku string = 'P0v3'

@description('Custom host name already bound to the web app (docs/deploy.md); empty uses the azurewebsites.net name.')
param customDomain string = ''

@description('Client id of the Entra app registration (tab SSO, Microsoft Graph, and the bot when SingleTenant).')
param appClientId string

@description('Tenant of the app registration.')
param appTenantId string = tenant().tenantId

@description('Bot identity: SingleTenant (the app registration and its secret) or UserAssignedMSI (the managed identity).')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param botAppType string = 'SingleTenant'

@secure()
@description('Client secret of the app registration, stored in Key Vault as marac-app-password. Empty: put it there yourself.')
param appClientSecret string = ''

@description('Teams app catalog id, known once the app is published to your org catalog (docs/deploy.md); the service will not start without it.')
param teamsCatalogAppId string = ''

@description('Licensed mailbox that organises MARAC meetings and sends circulation notices and chasers.')
param maracMailbox string

@description('Drive id of the SharePoint library for case-list exports (optional).')
param sharePointDriveId string = ''

@description('true only after the area\'s DPIA approves the calling bot for camera evidence (DESIGN.md §7).')
@allowed(['true', 'false'])
param cameraEvidence string = 'false'

@description('true: PostgreSQL has no public endpoint and the app reaches it through a virtual network.')
@allowed(['true', 'false'])
param privateNetworking string = 'true'

@description('Address space for the virtual network when privateNetworking is true.')
param vnetAddressPrefix string = '10.40.0.0/16'

param postgresSkuName string = 'Standard_B1ms'
@allowed(['Burstable', 'GeneralPurpose', 'MemoryOptimized'])
param postgresTier string = 'Burstable'
@allowed(['true', 'false'])
param postgresHighAvailability string = 'false'
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 14
param postgresAdminLogin string = 'maracadmin'
@secure()
@description('Password of the PostgreSQL login the service uses; it ends up only in Key Vault.')
param postgresAdminPassword string

@description('Days Log Analytics and Application Insights keep operational logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

var cameraOn = cameraEvidence == 'true'
var privateOn = privateNetworking == 'true'
var suffix = take(uniqueString(resourceGroup().id), 6)
var names = {
  identity: 'id-${resourceBaseName}'
  plan: 'plan-${resourceBaseName}'
  web: 'app-${resourceBaseName}-${suffix}'
  bot: 'bot-${resourceBaseName}-${suffix}'
  postgres: 'psql-${resourceBaseName}-${suffix}'
  vault: 'kv-${take(replace(resourceBaseName, '-', ''), 14)}${suffix}'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: resourceBaseName, location: location, retentionInDays: logRetentionDays }
}

module network 'modules/network.bicep' = if (privateOn) {
  name: 'network'
  params: { name: resourceBaseName, location: location, addressPrefix: vnetAddressPrefix }
}

module database 'modules/database.bicep' = {
  name: 'database'
  params: {
    name: names.postgres
    location: location
    skuName: postgresSkuName
    tier: postgresTier
    highAvailability: postgresHighAvailability == 'true'
    backupRetentionDays: postgresBackupRetentionDays
    adminLogin: postgresAdminLogin
    adminPassword: postgresAdminPassword
    privateNetworking: privateOn
    delegatedSubnetId: privateOn ? network.outputs.databaseSubnetId : ''
    privateDnsZoneId: privateOn ? network.outputs.dnsZoneId : ''
  }
}

module vault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.vault
    location: location
    readerPrincipalId: identity.properties.principalId
    databaseUrl: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${database.outputs.fqdn}:5432/${database.outputs.databaseName}?sslmode=require'
    appClientSecret: appClientSecret
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: names.web
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    virtualNetworkSubnetId: privateOn ? network.outputs.appSubnetId : null
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // App Service builds on deployment (Oryx: npm install, npm run build); this runs the result.
      appCommandLine: 'node dist/server/main.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      vnetRouteAllEnabled: privateOn
    }
  }
}

resource ftpOff 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: web
  name: 'ftp'
  properties: { allow: false }
}

var publicHost = empty(customDomain) ? web.properties.defaultHostName : customDomain
var publicOrigin = 'https://${publicHost}'
var keyVaultRef = '@Microsoft.KeyVault(SecretUri=${vault.outputs.vaultUri}secrets'

// App settings. Names are the ones server/settings.ts declares: infra/app-settings.test.ts
// fails if a production-required setting is missing from coreSettings, a name is misspelt, or a
// secret is not a Key Vault reference. Keep the union on one line (the test reads it).
var coreSettings = {
  MARAC_MODE: 'production'
  HOST: '0.0.0.0' // App Service forwards to PORT, which it sets itself
  LOG_LEVEL: 'info'
  DATABASE_URL: '${keyVaultRef}/marac-database-url/)'
  MARAC_PUBLIC_URL: publicOrigin
  MARAC_APP_ID: appClientId
  MARAC_APP_TENANT_ID: appTenantId
  MARAC_APP_TYPE: botAppType
  MARAC_TEAMS_APP_ID: teamsCatalogAppId
  MARAC_MAILBOX: maracMailbox
}
var singleTenantSettings = {
  MARAC_APP_PASSWORD: '${keyVaultRef}/marac-app-password/)'
}
var managedIdentitySettings = {
  MARAC_MANAGED_IDENTITY_CLIENT_ID: identity.properties.clientId
}
var cameraSettings = {
  MARAC_CALLING_WEBHOOK_URL: '${publicOrigin}/api/calling'
}
var sharePointSettings = {
  MARAC_SHAREPOINT_DRIVE_ID: sharePointDriveId
}
var platformSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
}

var appSettings = union(platformSettings, coreSettings, botAppType == 'SingleTenant' ? singleTenantSettings : managedIdentitySettings, cameraOn ? cameraSettings : {}, empty(sharePointDriveId) ? {} : sharePointSettings)

resource webAppSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: web
  name: 'appsettings'
  properties: appSettings
}

resource webDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: web
  name: 'to-log-analytics'
  properties: {
    workspaceId: monitoring.outputs.workspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
      { category: 'AppServiceAuditLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: 'Virtual MARAC'
    publicOrigin: publicOrigin
    appType: botAppType
    appId: botAppType == 'SingleTenant' ? appClientId : identity.properties.clientId
    tenantId: appTenantId
    identityResourceId: identity.id
    enableCalling: cameraOn
  }
}

// Written to infra/env/.env.<env> by the Agents Toolkit (output names are the env keys).
output TAB_ENDPOINT string = publicOrigin
output TAB_DOMAIN string = publicHost
output BOT_DOMAIN string = publicHost
output BOT_ID string = bot.outputs.botId
output AZURE_APP_SERVICE_RESOURCE_ID string = web.id
output KEY_VAULT_NAME string = vault.outputs.name
output POSTGRES_SERVER_NAME string = database.outputs.serverName
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
