import { ApiReferenceReact, type AnyApiReferenceConfiguration } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';
import './apiReference.css';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, currentProject, session } from '../../app/api';
import { useTheme } from '../../app/theme';
import { Card, ErrorState, Skeleton } from '../../components/ui';

/**
 * Headers a "try it" request of the reference gets: the session's bearer token, fresh (a user's access
 * token expires after minutes), unless the request carries another credential typed into the reference;
 * and for a signed-in user the current project as `X-Argus-Project`, unless the request names one.
 */
export async function sessionHeaders(headers: Headers, shownToken: string | null): Promise<void> {
  const sent = headers.get('Authorization');
  if (!headers.has('X-Argus-Key') && (!sent || sent === `Bearer ${shownToken}`)) {
    const token = await api.freshToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
  }
  const project = session.get()?.kind === 'user' ? currentProject.get() : null;
  if (project && !headers.get('X-Argus-Project')) headers.set('X-Argus-Project', project);
}

function tokenNow(): string | null {
  const credentials = session.get();
  if (!credentials) return null;
  return credentials.kind === 'user' ? credentials.accessToken : credentials.secret;
}

/**
 * The live OpenAPI document (`GET /openapi?format=json`) rendered by Scalar's API reference, bundled
 * with the console (no CDN, no telemetry, no hosted proxy, agent or fonts). Its "Test Request" client
 * calls this server directly with the session's credentials.
 */
export default function ApiReference() {
  const [theme] = useTheme();
  const document = useQuery({
    queryKey: ['openapi'],
    queryFn: ({ signal }) => api.get<Record<string, unknown>>('/openapi', { format: 'json' }, signal),
    staleTime: 5 * 60_000,
  });
  const configuration = useMemo<AnyApiReferenceConfiguration | null>(() => {
    if (!document.data) return null;
    const shownToken = tokenNow();
    return {
      content: document.data,
      // the document's server is `/`: make it absolute so snippets and requests name this host
      servers: [{ url: window.location.origin, description: 'This Argus' }],
      authentication: {
        preferredSecurityScheme: 'bearerAuth',
        securitySchemes: { bearerAuth: { token: shownToken ?? '' } },
      },
      persistAuth: false,
      onRequestBuilt: ({ request }) => sessionHeaders(request.headers, shownToken),
      forceDarkModeState: theme,
      hideDarkModeToggle: true,
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: 'never',
      documentDownloadType: 'json',
    };
  }, [document.data, theme]);

  if (document.isPending) return <Skeleton className="h-96" />;
  if (document.isError || !configuration) {
    return (
      <Card>
        <ErrorState error={document.error} onRetry={() => document.refetch()} />
      </Card>
    );
  }
  return (
    <div className="argus-api-reference rounded-xl border border-zinc-200 dark:border-zinc-800" data-testid="api-reference">
      <ApiReferenceReact configuration={configuration} />
    </div>
  );
}
