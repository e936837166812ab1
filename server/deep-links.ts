/**
 * Links into the app for everything we send (mail, cards): FR-033, FR-073.
 *
 * A Teams deep link to the personal tab, `https://teams.microsoft.com/l/entity/<appId>/<entityId>
 * ?webUrl=<fallback>&context={"subEntityId":"<page>"}`
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application),
 * where `<entityId>` is a `staticTabs` entity of the app manifest and `<page>` reaches the tab as
 * `page.subPageId` (tab/web/src/shell/root.tsx routes it). The personal tab also runs in Outlook
 * and the Microsoft 365 app (https://learn.microsoft.com/microsoftteams/platform/m365-apps/overview).
 * `webUrl` is the browser fallback; in demo mode (no Teams app) the web address alone.
 * Every link is built here; deep-links.test.ts checks the entity against the manifest template.
 */
export const MY_MARAC_ENTITY = 'my-marac';

export interface AppLinkOptions {
  publicUrl: string;
  /** The Teams app (manifest) id; null when there is none (demo mode). */
  teamsAppId: string | null;
  demo: boolean;
}

/** One link: `page` is the subEntityId the tab routes, `webPath` the same page on the web. */
export function appLink(options: AppLinkOptions, page: string, webPath: string): string {
  const webUrl = `${options.publicUrl}${webPath}`;
  if (options.demo || !options.teamsAppId) return webUrl;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: page }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${MY_MARAC_ENTITY}?webUrl=${encodeURIComponent(webUrl)}&context=${context}`;
}

/** An action in My MARAC (chasers, new-action mails). */
export function actionAppLink(options: AppLinkOptions, actionId: string): string {
  const id = encodeURIComponent(actionId);
  return appLink(options, `actions/${id}`, `/tab/my-marac?action=${id}`);
}

/** A meeting's page, or its case list (circulation notices, cards). */
export function meetingAppLink(
  options: AppLinkOptions,
  meetingId: string,
  caseList = false,
): string {
  const page = `meetings/${meetingId}${caseList ? '/case-list' : ''}`;
  return appLink(options, page, `/#/${page}`);
}
