/**
 * Before anything that sends to many people (circulating early, chasing many actions, a
 * series of meetings): says who will receive what, and sends only on Confirm.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { Notice } from '../../shell/components.js';

const useStyles = makeStyles({
  frame: { display: 'grid', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function ConfirmSend(props: {
  /** Names the dialog: "<label>: confirm". */
  label: string;
  message: string;
  busy?: boolean;
  confirmLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div role="alertdialog" aria-label={`${props.label}: confirm`} className={styles.frame}>
      <Notice intent="info">{props.message}</Notice>
      <div className={styles.buttons}>
        <Button ref={confirm} appearance="primary" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel ?? 'Confirm'}
        </Button>
        <Button onClick={props.onCancel}>Go back</Button>
      </div>
    </div>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "This sends a case list notice to 25 people at 12 agencies, 4 days before it is due." */
export function circulationMessage(input: {
  invitees: { personId: string; agencyId: string | null }[];
  daysEarly: number | null;
}): string {
  const people = new Set(input.invitees.map((i) => i.personId)).size;
  const agencies = new Set(input.invitees.map((i) => i.agencyId).filter(Boolean)).size;
  const early =
    input.daysEarly !== null && input.daysEarly > 0
      ? `, ${plural(input.daysEarly, 'day', 'days')} before it is due`
      : '';
  return `This sends a case list notice to ${plural(people, 'person', 'people')} at ${plural(agencies, 'agency', 'agencies')}${early}. Agencies not allowed to receive MARAC information are left out. The notice has a link only, no names.`;
}

/** "This emails chasers for 3 actions to their owners at 2 agencies." */
export function chaseMessage(actions: { ownerAgency: { id: string } }[]): string {
  const agencies = new Set(actions.map((a) => a.ownerAgency.id)).size;
  return `This emails chasers for ${plural(actions.length, 'action', 'actions')} to their owners at ${plural(agencies, 'agency', 'agencies')}.`;
}
