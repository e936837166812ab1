// Key Vault for the service's secrets. Access by Azure RBAC only: the app's user-assigned
// managed identity may read secrets (Key Vault Secrets User), so App Service resolves
// @Microsoft.KeyVault(...) app settings without any secret in configuration.

param name string
param location string

@description('Principal id of the managed identity that reads the secrets.')
param readerPrincipalId string

@secure()
@description('postgres:// URL with the service login, built by azure.bicep from the server it creates.')
param databaseUrl string

@secure()
@description('Client secret of the app registration; empty to leave the secret to the administrator.')
param appClientSecret string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'marac-database-url'
  properties: { value: databaseUrl, contentType: 'postgres connection URL' }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(appClientSecret)) {
  parent: vault
  name: 'marac-app-password'
  properties: { value: appClientSecret, contentType: 'Entra client secret' }
}

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
output readerAssignmentId string = secretsReader.id
