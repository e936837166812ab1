import { EmptyState, PageLayout } from '../../shell/components.js';

export default function Page() {
  return (
    <PageLayout title="my-marac">
      <EmptyState title="Coming in this session" />
    </PageLayout>
  );
}
