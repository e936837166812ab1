/** The part of msal-browser this client uses, loaded lazily (production browser sign-in only). */
export { PublicClientApplication } from '@azure/msal-browser';
