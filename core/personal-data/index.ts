export {
  findPersonalData,
  guardFreeText,
  ordinal,
  refusalMessage,
  type Finding,
  type GuardOptions,
} from './guard.js';
export { SubjectIndex, type SubjectRecord } from './subject-index.js';
export { prepare, fold, tokenise } from './normalise.js';
export { datesIn } from './dates.js';
export { nameAfterCue } from './title-cues.js';
