import { type Actor, type AreaSetupDeps, agencyOfArea, audit, invalid } from './area-setup.js';

export interface WithdrawInput {
  /** What the agency confirmed it did with the MARAC information it held. */
  outcome: 'destroyed' | 'returned';
  /** The date the agency confirmed it (YYYY-MM-DD). */
  confirmedOn: string;
}

/**
 * Withdraws a member agency. The information-sharing agreements require a withdrawing agency to
 * destroy or return what it received, so the confirmation is recorded with the withdrawal; the
 * agency is then never invited or sent anything (its membership is no longer approved).
 */
export async function withdrawAgency(
  deps: AreaSetupDeps,
  actor: Actor,
  agencyId: string,
  input: WithdrawInput,
): Promise<void> {
  const now = deps.clock.now();
  if (input.confirmedOn > now.toISOString().slice(0, 10))
    invalid('confirmedOn', 'The confirmation date cannot be in the future.');
  await deps.uow.run(async (r) => {
    const agency = await agencyOfArea(r, actor, agencyId);
    if (agency.membershipStatus === 'withdrawn')
      invalid('membershipStatus', 'This agency has already been withdrawn.');
    await r.setup.withdrawAgency(agencyId, input.outcome, input.confirmedOn, now);
    await audit(r, actor, now, 'agency.withdraw', 'agency', agencyId, ['membershipStatus'], {
      before: { membershipStatus: agency.membershipStatus },
      after: {
        membershipStatus: 'withdrawn',
        dataOutcome: input.outcome,
        confirmedOn: input.confirmedOn,
      },
    });
  });
  await deps.onDirectoryChanged(actor.areaId);
}
