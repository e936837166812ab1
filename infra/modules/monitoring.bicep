// Log Analytics and workspace-based Application Insights. The service logs ids and counts only
// (never names or case text), so these hold operational data; retention is the area's choice.

param name string
param location string

@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableIpMasking: false
    RetentionInDays: retentionInDays
  }
}

output workspaceId string = workspace.id
output connectionString string = appInsights.properties.ConnectionString
