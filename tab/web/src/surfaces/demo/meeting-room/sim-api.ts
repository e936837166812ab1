/**
 * The simulated tenant's remote control the demo meeting room uses (demo mode only, loopback):
 * /sim/api/meeting-room (join, leave, cameras, start, end — the real activities and
 * calling notifications go to the service) and /sim/api/meeting-chat (the bot's cards
 * in the chat, card actions as a participant). No user token: these are the simulated Teams
 * client's own calls, not the tab API's.
 */
import { ApiError } from '../../../api/client.js';

export interface RoomState {
  meetingId: string;
  running: boolean;
  startedAt: string | null;
  endedAt: string | null;
  callingBotInCall: boolean;
  participants: {
    aadObjectId: string | null;
    displayName: string;
    inMeeting: boolean;
    camera: boolean;
  }[];
}

export interface ChatPerson {
  personId: string;
  aadObjectId: string;
  teamsUserId: string;
  displayName: string;
  agencyName: string | null;
  kind: string;
}

export interface ChatMeeting {
  id: string;
  title: string;
  status: string;
  scheduledStart: string;
  chatThreadId: string | null;
}

export interface ChatView {
  meeting: ChatMeeting;
  people: ChatPerson[];
  activities: ChatActivity[];
}

export interface ChatActivity {
  id: string;
  type: string;
  text?: string;
  timestamp?: string;
  attachments?: { contentType: string; content: unknown }[];
}

export interface InvokeAnswer {
  status: number;
  body: { statusCode?: number; type?: string; value?: unknown } | string | null;
}

export async function sim<T>(
  path: string,
  options: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/sim/api${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        accept: 'application/json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The simulated Teams could not be reached.');
  }
  const json = /json/.test(response.headers.get('content-type') ?? '')
    ? ((await response.json()) as unknown)
    : null;
  if (response.ok && json !== null) return json as T;
  if (json === null)
    // Not the simulator answering (the route is not there): "not available yet".
    throw new ApiError(404, 'NOT_FOUND', `No route for ${path}`);
  const error = (json as { error?: { code?: string; message?: string } }).error;
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `The simulated Teams answered ${response.status}.`,
  );
}
