// Public API of the action register (REQUIREMENTS.md §3.7, FR-071..FR-081).
export * from './action.js';
export type * from './action-repository.js';
export * from './action-service.js';
export * from './victim-feedback.js';
