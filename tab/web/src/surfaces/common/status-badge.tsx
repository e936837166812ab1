/** A meeting's status as a coloured badge, in the words the schedule and the meeting page use. */
import { Badge } from '@fluentui/react-components';

export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  scheduling: 'Setting up in Teams',
  scheduled: 'Scheduled in Teams',
  'needs-attention': 'Needs attention',
  'in-progress': 'In progress',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

export function StatusBadge({ status }: { status: string }) {
  const color =
    status === 'needs-attention'
      ? 'danger'
      : status === 'scheduled'
        ? 'success'
        : status === 'cancelled'
          ? 'subtle'
          : 'informative';
  return (
    <Badge appearance="tint" color={color}>
      {STATUS_LABEL[status] ?? status}
    </Badge>
  );
}
