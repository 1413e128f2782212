import { useEffect, useRef, useState } from 'react';
import type { LiveDeltaMessage } from '../../api/types';
import { api, currentProject, useCredentials } from '../../app/api';
import { EMPTY_TOTALS, addDelta, backoffMs, liveUrl, type LiveTotals } from './liveTotals';

export type LiveStatus = 'connecting' | 'live' | 'offline' | 'paused';

/**
 * Subscribes to `WebSocket /ws/metrics` while `enabled`: the server pushes merged deltas of committed
 * calls (at most every 500 ms), folded here into totals since the page subscribed. Reconnects with
 * backoff, refreshing a user's access token first. `onDelta` runs for every delta (e.g. to refetch a list).
 */
export function useLiveFeed(enabled: boolean, onDelta?: (delta: LiveDeltaMessage) => void): { status: LiveStatus; totals: LiveTotals } {
  const credentials = useCredentials();
  const [status, setStatus] = useState<LiveStatus>(enabled ? 'connecting' : 'paused');
  const [totals, setTotals] = useState<LiveTotals>(EMPTY_TOTALS);
  const onDeltaRef = useRef(onDelta);
  onDeltaRef.current = onDelta;
  const signedIn = credentials !== null;

  useEffect(() => {
    if (!enabled || !signedIn) {
      setStatus('paused');
      return;
    }
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const connect = async () => {
      setStatus('connecting');
      const token = await api.freshToken();
      if (stopped || !token) return;
      const ws = new WebSocket(liveUrl(window.location, token, credentials?.kind === 'user' ? currentProject.get() : null));
      socket = ws;
      ws.onmessage = (event) => {
        let message: { type?: string } | null = null;
        try {
          message = JSON.parse(String(event.data)) as { type?: string };
        } catch {
          return;
        }
        if (message?.type === 'subscribed') {
          failures = 0;
          setStatus('live');
        } else if (message?.type === 'delta') {
          const delta = message as LiveDeltaMessage;
          setTotals((t) => addDelta(t, delta));
          onDeltaRef.current?.(delta);
        }
      };
      ws.onclose = () => {
        if (stopped) return;
        failures += 1;
        setStatus('offline');
        timer = setTimeout(() => void connect(), backoffMs(failures));
      };
    };
    void connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
    // reconnect when the identity changes, not on every token refresh
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, signedIn, credentials?.kind]);

  return { status, totals };
}
