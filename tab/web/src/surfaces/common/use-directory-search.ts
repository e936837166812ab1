import { useState } from 'react';
import { api } from '../../api/client.js';
import { useSubmit } from '../../shell/use-submit.js';

/** Someone in the organisation's directory (a member or a B2B guest), as GET /area/directory gives. */
export interface DirectoryUser {
  objectId: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string;
  userType?: 'Member' | 'Guest' | null;
  alreadyAdded: boolean;
}

/**
 * Searching the directory by the start of a name or address: the query, the people found (null
 * before a search), and the search's busy and error state for the form.
 */
export function useDirectorySearch(initialQuery = '') {
  const search = useSubmit();
  const [query, setQuery] = useState(initialQuery);
  const [results, setResults] = useState<DirectoryUser[] | null>(null);
  const find = async () => {
    const found = await search.run(() =>
      api<{ users: DirectoryUser[] }>(`/area/directory?q=${encodeURIComponent(query)}`),
    );
    setResults(found?.users ?? null);
  };
  const clear = () => {
    setResults(null);
    setQuery('');
  };
  return { search, query, setQuery, results, find, clear };
}
