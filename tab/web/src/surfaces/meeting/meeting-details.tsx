import { EmptyState, PageLayout } from '../../shell/components.js';

export default function Page() {
  return (
    <PageLayout title="meeting-details">
      <EmptyState title="Coming in this session" />
    </PageLayout>
  );
}
