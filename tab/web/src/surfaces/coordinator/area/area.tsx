/**
 * Area set-up: the area and its policy, agencies with their information-sharing
 * status (FR-107), and people with their roles (§1.2). Changes are audited by the service.
 */
import type { Agency, Person } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import { Loaded, Section } from '../../../shell/components.js';
import { CoordinatorPage } from '../coordinator-page.js';
import { AgencyForm, AgencyTable } from './agencies-panel.js';
import { AreaPolicy, type AreaResponse } from './area-policy.js';
import { PeopleTable } from './people-panel.js';
import { PersonAdd } from './person-add.js';
import { SignInRefusals } from './sign-in-refusals.js';

export default function Area() {
  const area = useApi<AreaResponse>('/area');
  const agencies = useApi<{ agencies: Agency[] }>('/area/agencies');
  const people = useApi<{ people: Person[] }>('/area/people');
  return (
    <CoordinatorPage title="Area set-up">
      <Loaded state={area} label="Loading the area…">
        {(a) => <AreaPolicy data={a} onSaved={area.reload} />}
      </Loaded>
      <Section title="Agencies">
        <Loaded state={agencies} label="Loading agencies…">
          {(d) => <AgencyTable agencies={d.agencies} />}
        </Loaded>
        <AgencyForm onSaved={agencies.reload} />
      </Section>
      <Section title="People">
        <Loaded state={people} label="Loading people…">
          {(d) => (
            <PeopleTable
              people={d.people}
              agencies={agencies.data?.agencies ?? []}
              onSaved={people.reload}
            />
          )}
        </Loaded>
        <Section level={3} title="Add a person">
          <PersonAdd agencies={agencies.data?.agencies ?? []} onSaved={people.reload} />
        </Section>
        <Section level={3} title="Turned away at sign-in">
          <SignInRefusals />
        </Section>
      </Section>
    </CoordinatorPage>
  );
}
