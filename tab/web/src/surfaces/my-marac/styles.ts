/** The look My MARAC's panels share. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: '1.2em', display: 'grid', gap: tokens.spacingVerticalS },
  block: { display: 'block', marginTop: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});
