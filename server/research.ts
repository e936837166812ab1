import type { ResearchDeps, ResearchRepos } from '../core/research/research-repository.js';
import { remindMissingResearch } from '../core/research/research-service.js';
import type { Clock } from '../core/ports/clock.js';
import type { TabLinks } from '../core/scheduling/scheduling-deps.js';
import type { Db, Queryable } from '../store/db.js';
import { preMeetingRepos } from '../store/repositories.js';
import { PgResearchStore } from '../store/research-store.js';
import { PgUnitOfWork } from '../store/unit-of-work.js';
import { researchRoutes } from '../tab/api/routes/research.js';
import { researchStatusRoutes } from '../tab/api/routes/research-status.js';
import type { TabApiFeature } from '../tab/api/tab-api.js';
import type { PgBossJobs } from './jobs/pg-boss-jobs.js';

export const RESEARCH_REMINDER_JOB = 'research-reminders';

const researchRepos = (q: Queryable): ResearchRepos => ({
  ...preMeetingRepos(q),
  research: new PgResearchStore(q),
});

/**
 * Research returns and written submissions (FR-038..FR-041): the tab routes and the reminder
 * job for agencies still missing after the deadline (its handler asks the database what is due).
 */
export function composeResearch(deps: {
  db: Db;
  clock: Clock;
  links: TabLinks;
  areaIds: () => Promise<string[]>;
}) {
  const research: ResearchDeps = {
    clock: deps.clock,
    repos: researchRepos(deps.db),
    uow: new PgUnitOfWork(deps.db, researchRepos),
    links: deps.links,
  };
  const tabFeatures: TabApiFeature[] = [
    { path: '/meetings', router: researchStatusRoutes({ research }) },
    { path: '/meetings', router: researchRoutes({ research }) },
  ];
  return {
    research,
    tabFeatures,
    remind: async () => remindMissingResearch(research, await deps.areaIds()),
    startJobs: async (jobs: PgBossJobs) => {
      await jobs.work(RESEARCH_REMINDER_JOB, async () => {
        await remindMissingResearch(research, await deps.areaIds());
      });
      await jobs.schedule(RESEARCH_REMINDER_JOB, '5,35 * * * *');
    },
  };
}
