/** The chair console's polling is the shared live hook (shell/use-live.tsx). */
export { useLive as usePoll, type LiveState as PollState } from '../../shell/use-live.js';
