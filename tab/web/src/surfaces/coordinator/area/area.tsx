/**
 * Area set-up: the area and its policy, agencies with their information-sharing
 * status (FR-107), and people with their roles (§1.2). Changes are audited by the service.
 */
import type { Person } from '../../../api/types.js';
import { useApi } from '../../../api/use-api.js';
import { Loaded, Section } from '../../../shell/components.js';
import { CoordinatorPage } from '../coordinator-page.js';
import { AgencyForm, AgencyTable } from './agencies-panel.js';
import type { AdminAgency } from './agency-fields.js';
import { AreaPolicy, type AreaResponse } from './area-policy.js';
import { PeopleTable } from './people-panel.js';
import { GroupAdd } from './group-add.js';
import { PersonAdd } from './person-add.js';
import { SignInRefusals } from './sign-in-refusals.js';

export default function Area() {
  const area = useApi<AreaResponse>('/area');
  const agencies = useApi<{ agencies: AdminAgency[] }>('/area/agencies');
  const people = useApi<{ people: Person[] }>('/area/people');
  // Nominations change roles, and people's agencies change who can be nominated: reload both.
  const reloadBoth = () => {
    agencies.reload();
    people.reload();
  };
  const agencyList = agencies.data?.agencies ?? [];
  return (
    <CoordinatorPage title="Area set-up">
      <Loaded state={area} label="Loading the area…">
        {(a) => <AreaPolicy data={a} onSaved={area.reload} />}
      </Loaded>
      <Section title="Agencies">
        <Loaded state={agencies} label="Loading agencies…">
          {(d) => (
            <AgencyTable
              agencies={d.agencies}
              people={people.data?.people ?? []}
              onSaved={reloadBoth}
            />
          )}
        </Loaded>
        <Section level={3} title="Add an agency">
          <AgencyForm onSaved={agencies.reload} />
        </Section>
      </Section>
      <Section title="People">
        <Loaded state={people} label="Loading people…">
          {(d) => <PeopleTable people={d.people} agencies={agencyList} onSaved={reloadBoth} />}
        </Loaded>
        <Section level={3} title="Add a person">
          <PersonAdd agencies={agencyList} onSaved={people.reload} />
        </Section>
        <Section level={3} title="Add the people of a directory group">
          <GroupAdd agencies={agencyList} onSaved={people.reload} />
        </Section>
        <Section level={3} title="Turned away at sign-in">
          <SignInRefusals />
        </Section>
      </Section>
    </CoordinatorPage>
  );
}
