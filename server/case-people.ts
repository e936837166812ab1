import type { CasePeopleDeps } from '../core/case-people/case-people.js';
import type { EntraDirectory } from '../core/ports/entra-directory.js';
import { setUpTeamsMeeting } from '../core/scheduling/teams-setup.js';
import { PgCasePeopleStore } from '../store/case-people-store.js';
import type { Db, Queryable } from '../store/db.js';
import { preMeetingRepos } from '../store/repositories.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import { casePeopleRoutes } from '../tab/api/routes/case-people.js';
import type { PreMeeting } from './pre-meeting.js';

const casePeopleRepos = (q: Queryable) => ({
  ...preMeetingRepos(q),
  casePeople: new PgCasePeopleStore(q),
});

/**
 * People for one case, reps' apologies and move decisions, on the pre-meeting repositories; a
 * change of invitees updates the Teams meeting the way scheduling does (attendees, lobby).
 */
export function casePeopleFeature(
  db: Db,
  pre: PreMeeting,
  directory: { entra: EntraDirectory; tenantId: string },
) {
  const deps: CasePeopleDeps = {
    clock: pre.scheduling.clock,
    repos: casePeopleRepos(db),
    uow: new PgUnitOfWork(db, casePeopleRepos),
    links: pre.scheduling.links,
    onInviteesChanged: (meetingId) => setUpTeamsMeeting(pre.scheduling, meetingId),
    entra: directory.entra,
    tenantId: directory.tenantId,
  };
  return { path: '/meetings', router: casePeopleRoutes({ casePeople: deps, agenda: pre.agenda }) };
}
