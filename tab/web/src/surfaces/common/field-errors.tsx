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
              {d.path ? `${fieldWords(d.path)}: ` : ''}
              {d.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A field's path in words: "capacity.maxCases" → "Capacity max cases", "rows.2.email" → "Rows 3 email". */
export function fieldWords(path: string): string {
  const words = path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part))
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
