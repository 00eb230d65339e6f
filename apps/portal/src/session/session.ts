import { useSyncExternalStore } from 'react';

export type Role = 'ADMIN_BKD' | 'OPERATOR_OPD' | 'ATASAN' | 'PEGAWAI';
export interface User {
  nip: string;
  name: string;
  roles: Role[];
  unitCode: string;
}
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}
/** Why the session ended, shown once on the login page. */
export type EndReason = 'logout' | 'expired' | 'password';

const KEY = 'asn.session';
let current: Session | null = read();
let ended: EndReason | null = null;
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function emit() {
  for (const listener of listeners) listener();
}

/**
 * The signed-in user and their tokens, kept in localStorage so a phone stays signed in between
 * mornings (the refresh token lives 7 days; the gateway revokes it on logout or a password change).
 */
export const session = {
  get: () => current,
  start(next: Session) {
    current = next;
    ended = null;
    localStorage.setItem(KEY, JSON.stringify(next));
    emit();
  },
  tokens(accessToken: string, refreshToken: string) {
    if (!current) return;
    session.start({ ...current, accessToken, refreshToken });
  },
  end(reason: EndReason) {
    current = null;
    ended = reason;
    localStorage.removeItem(KEY);
    emit();
  },
  /**
   * Another tab of the same phone may have rotated the tokens a moment ago (the gateway then refuses
   * this tab's older refresh token): take the newer pair from storage instead of signing out.
   */
  adoptNewer(refreshToken: string): boolean {
    const stored = read();
    if (!stored || stored.refreshToken === refreshToken) return false;
    current = stored;
    emit();
    return true;
  },
  /** Read once: the login page says why the user is there. */
  takeEndReason(): EndReason | null {
    const reason = ended;
    ended = null;
    return reason;
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Tabs share one session: a refresh, logout or login in one tab is every tab's.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  current = read();
  emit();
});

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get);
}

export const hasRole = (user: User | undefined | null, ...roles: Role[]) => !!user && roles.some((role) => user.roles.includes(role));
