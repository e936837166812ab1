import { DomainError } from '../errors.js';
import { hasAnyRole, type Role } from '../roles.js';
import { inArea } from '../same-area.js';
import type { ChaseControlDeps, ControlViewer, VolunteeredAction } from './chase-controls.js';

export type { VolunteeredAction } from './chase-controls.js';

const LEADS: readonly Role[] = ['coordinator', 'chair', 'deputy-chair'];
const CHAIRS: readonly Role[] = ['chair', 'deputy-chair'];

export async function awaitingConfirmation(
  deps: ChaseControlDeps,
  viewer: ControlViewer,
): Promise<VolunteeredAction[]> {
  if (!hasAnyRole(viewer.roles, LEADS))
    throw new DomainError('FORBIDDEN', 'Only the chairs and the coordinator see these.');
  return deps.repos.controls.volunteeredAfterMeeting(viewer.areaId);
}

export async function decideVolunteered(
  deps: ChaseControlDeps,
  viewer: ControlViewer,
  actionId: string,
  input: { decision: 'confirm' | 'reject'; version: number },
): Promise<{ reference: string; state: 'open' | 'rejected' }> {
  if (!hasAnyRole(viewer.roles, CHAIRS))
    throw new DomainError('FORBIDDEN', 'Only the chair or deputy chair confirms actions.');
  const action = inArea(await deps.repos.controls.getAction(actionId), viewer);
  if (action.state !== 'volunteered')
    throw new DomainError('CONFLICT', `${action.reference} is no longer awaiting confirmation.`);
  const to = input.decision === 'confirm' ? ('open' as const) : ('rejected' as const);
  const now = deps.clock.now();
  await deps.uow.run(async (repos) => {
    await repos.actions.transition(action.id, {
      to,
      expectedVersion: input.version,
      actorPersonId: viewer.personId,
      now,
      note: { after: 'meeting-end' },
    });
    await repos.audit.record({
      at: now,
      areaId: action.areaId,
      actor: { kind: 'person', personId: viewer.personId },
      action: to === 'open' ? 'action.confirm' : 'action.reject',
      recordType: 'action',
      recordId: action.id,
      meetingId: action.meetingId,
      detail: { reference: action.reference, afterMeeting: true },
    });
  });
  return { reference: action.reference, state: to };
}
