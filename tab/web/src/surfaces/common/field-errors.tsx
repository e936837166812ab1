/**
 * What the service refused in a form: the plain-words banner and, under it, each field it named
 * with what is wrong with that field (the API's problem details, never the value typed).
 */
import { ApiError } from '../../api/client.js';
import { ErrorBanner } from '../../shell/components.js';

export function FieldErrors({ error }: { error: unknown }) {
  if (!error) return null;
  const details = error instanceof ApiError ? error.problems : [];
  return (
    <>
      <ErrorBanner error={error} />
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => (
            <li key={i}>
              {d.path ? `${d.path}: ` : ''}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
