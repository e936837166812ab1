/** The look the home pages share. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '1.2em', display: 'grid', gap: tokens.spacingVerticalS },
  urgent: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  links: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
});
