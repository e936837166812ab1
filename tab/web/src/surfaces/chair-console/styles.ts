/** The console's layout and the look its panels share. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { NARROW } from '../common/data-table.js';

export const useStyles = makeStyles({
  columns: {
    display: 'grid',
    // Two columns on a wide screen, one in the 320 px side panel (never wider than the screen).
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(340px, 100%), 1fr))',
    gap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
  stack: { display: 'grid', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  overrun: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  timer: { fontVariantNumeric: 'tabular-nums' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  agency: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  people: { margin: 0, paddingLeft: '1.2em', display: 'grid', gap: tokens.spacingVerticalXXS },
  action: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  form: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    flexWrap: 'wrap',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  /** One unheard case's decision at the end of the meeting. */
  decision: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    '& > legend': { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  },
  /** Columns the side panel has no room for (the row keeps case, timer and buttons). */
  wideOnly: { [NARROW]: { display: 'none' } },
  cell: { overflowWrap: 'anywhere' },
});
