/** The look the meeting page's panels share. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 180px), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBlock: tokens.spacingVerticalS,
    // A select sizes to its longest option; in a narrow grid cell it must shrink instead.
    '& > *': { minWidth: 0 },
    '& .fui-Field > *': { minWidth: 0 },
    '& .fui-Select': { minWidth: 0, maxWidth: '100%' },
    '& select': { minWidth: 0, maxWidth: '100%' },
  },
  // A wide table scrolls sideways inside its section on a phone instead of widening the page.
  scroll: { overflowX: 'auto', maxWidth: '100%', '& table': { minWidth: '46rem' } },
  buttons: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, max-content)',
    gap: tokens.spacingHorizontalXS,
  },
  handle: { cursor: 'grab', userSelect: 'none', whiteSpace: 'nowrap' },
  minutes: { width: '5.5rem', minWidth: 0 },
  form: { minWidth: 0 },
  fieldset: {
    // A fieldset is min-content wide by default: long agency names would widen the page.
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    marginBlock: tokens.spacingVerticalS,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
  fileField: { display: 'grid', gap: tokens.spacingVerticalXS },
  fileInput: {
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
});
