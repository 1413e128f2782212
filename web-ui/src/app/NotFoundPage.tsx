import { Compass } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Card, EmptyState } from '../components/ui';

export function NotFoundPage() {
  return (
    <Card>
      <EmptyState title="This page does not exist" icon={<Compass aria-hidden className="size-5" />}>
        <Link className="font-medium text-brand-600 hover:underline dark:text-brand-400" to="/">
          Go to the dashboard
        </Link>
      </EmptyState>
    </Card>
  );
}
