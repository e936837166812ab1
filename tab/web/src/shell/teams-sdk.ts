/**
 * The parts of teams-js this client uses. Loaded lazily (only when the page is embedded) through
 * this module so the bundler can leave the rest of teams-js out of the personal tab.
 */
export { app, authentication, pages } from '@microsoft/teams-js';
