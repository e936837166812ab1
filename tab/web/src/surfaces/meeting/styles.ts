/** The look the meeting details panels share. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStyles = makeStyles({
  statement: {
    whiteSpace: 'pre-wrap',
    padding: tokens.spacingVerticalM,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  cases: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  caseCard: { display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalM },
  mine: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorder2}` },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
  list: { margin: 0, paddingLeft: '1.2em' },
  prewrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  contents: { display: 'contents' },
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
    minWidth: 0,
  },
  chip: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  stacked: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    overflowWrap: 'anywhere',
  },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
});
