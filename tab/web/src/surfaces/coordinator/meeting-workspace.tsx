import { EmptyState } from '../../shell/components.js';
import { CoordinatorPage } from './workspace.js';

export default function Page() {
  return (
    <CoordinatorPage title="meeting-workspace">
      <EmptyState title="Coming in this session" />
    </CoordinatorPage>
  );
}
