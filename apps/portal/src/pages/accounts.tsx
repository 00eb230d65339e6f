import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import { api, unwrap } from '../api/client';
import { Field } from '../components/field';
import { Fact, Facts } from '../components/facts';
import { Loading, Notice, ProblemNotice } from '../components/notice';
import { useUnitNames } from '../components/organisation';
import { Page } from '../components/page';
import { formatDateTime } from '../format';
import { fill, t } from '../i18n';
import { useSession, type Role } from '../session/session';

const ROLES = Object.keys(t.accounts.roleNames) as Role[];
const isNip = (value: string) => /^\d{18}$/.test(value);
const accountKey = (nip: string) => ['auth', 'account', nip] as const;

/**
 * GET /auth/accounts/{nip}: whether the account exists, its status (INACTIVE until the employee
 * activates it, ACTIVE, DISABLED once they leave service), roles, an unused activation code's expiry
 * and the last login.
 */
const fetchAccount = (nip: string) => unwrap(api.GET('/api/v1/auth/accounts/{nip}', { params: { path: { nip } } }));
type Account = Awaited<ReturnType<typeof fetchAccount>>;

/** Akun (admin BKD): look an account up by NIP, issue its activation code, set its roles. */
export default function AccountsPage() {
  const user = useSession()!.user;
  const [params, setParams] = useSearchParams();
  const nip = params.get('nip') ?? '';
  const [nipError, setNipError] = useState<string | undefined>();
  const account = useQuery({ queryKey: accountKey(nip), queryFn: () => fetchAccount(nip), enabled: isNip(nip), retry: false });
  const unitName = useUnitNames();

  const lookup = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // NIPs are often pasted with spaces ("19660801 198803 1 001"): only the digits count.
    const typed = String(new FormData(event.currentTarget).get('nip') ?? '').replace(/[\s.-]/g, '');
    if (!isNip(typed)) {
      setNipError(t.accounts.nipInvalid);
      return;
    }
    setNipError(undefined);
    setParams({ nip: typed });
  };
  const state = account.data;
  const name = state?.name ?? nip;

  return (
    <Page title={t.accounts.title}>
      <form key={nip} className="card" role="search" onSubmit={lookup} noValidate>
        <Field label={t.auth.nip} hint={t.accounts.nipHint} error={nipError}>
          <input name="nip" defaultValue={nip} inputMode="numeric" autoComplete="off" maxLength={30} />
        </Field>
        <button className="primary">{t.accounts.lookup}</button>
      </form>

      {isNip(nip) &&
        (!state ? (
          <Loading error={account.error} />
        ) : !state.exists ? (
          <Notice tone="warning">{fill(t.accounts.notFound, { nip })}</Notice>
        ) : (
          <>
            <section className="card" aria-labelledby="account-heading">
              <h2 id="account-heading">{name}</h2>
              <Facts>
                <Fact term={t.auth.nip}>{nip}</Fact>
                {state.unitCode && <Fact term={t.common.unit}>{unitName(state.unitCode)}</Fact>}
                <Fact term={t.accounts.status}>
                  <AccountStatusBadge status={state.status} />
                  {state.status && (
                    <>
                      <br />
                      <span className="muted">{t.accounts.statusHints[state.status]}</span>
                    </>
                  )}
                </Fact>
                <Fact term={t.accounts.roles}>{state.roles.map((role) => t.accounts.roleNames[role] ?? role).join(', ')}</Fact>
                <Fact term={t.accounts.pendingCode}>
                  {state.activationOutstanding && state.activationExpiresAt
                    ? fill(t.accounts.pendingUntil, { time: formatDateTime(state.activationExpiresAt) })
                    : t.accounts.none}
                </Fact>
                <Fact term={t.accounts.lastLogin}>{state.lastLoginAt ? formatDateTime(state.lastLoginAt) : t.accounts.never}</Fact>
              </Facts>
            </section>
            {nip === user.nip ? (
              <Notice>{t.accounts.own}</Notice>
            ) : (
              <>
                <ActivationCode key={`code-${nip}`} account={state} nip={nip} name={name} />
                <RolesForm key={`roles-${nip}`} account={state} nip={nip} name={name} />
              </>
            )}
          </>
        ))}
    </Page>
  );
}

function AccountStatusBadge({ status }: { status: string | null }) {
  if (!status) return <span className="badge neutral">–</span>;
  const tone = status === 'ACTIVE' ? 'good' : status === 'DISABLED' ? 'bad' : 'warn';
  return <span className={`badge ${tone}`}>{t.accounts.statuses[status] ?? status}</span>;
}

interface AccountProps {
  account: Account;
  nip: string;
  name: string;
}

/** A one-time activation code: shown once, big, with its expiry, and the admin told to hand it over privately. */
function ActivationCode({ account, nip, name }: AccountProps) {
  const queries = useQueryClient();
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await unwrap(api.POST('/api/v1/auth/accounts/{nip}/activation', { params: { path: { nip } } }));
      setIssued({ code: answer.code, expiresAt: answer.expiresAt });
      await queries.invalidateQueries({ queryKey: accountKey(nip) });
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="activation-heading">
      <h2 id="activation-heading">{t.accounts.issueCode}</h2>
      <ProblemNotice error={error} />
      {issued ? (
        <div className="notice success" role="status">
          <strong>{fill(t.accounts.issuedFor, { name, nip })}</strong>
          <p className="label" style={{ margin: '0.75rem 0 0' }}>
            {t.accounts.code}
          </p>
          <p
            style={{
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: 'clamp(1.25rem, 7vw, 2rem)',
              fontWeight: 700,
              letterSpacing: '0.08em',
              // One line: a code broken at its hyphen reads as two.
              whiteSpace: 'nowrap',
              overflowX: 'auto',
              userSelect: 'all',
              margin: '0.25rem 0',
            }}
          >
            {issued.code}
          </p>
          <p>
            <strong>{fill(t.accounts.expires, { time: formatDateTime(issued.expiresAt) })}</strong>
          </p>
          <p>{t.accounts.handover}</p>
          <button type="button" onClick={() => setIssued(null)}>
            {t.accounts.hideCode}
          </button>
        </div>
      ) : account.status === 'DISABLED' ? (
        <p>{t.accounts.statusHints.DISABLED}</p>
      ) : (
        <>
          {account.status === 'ACTIVE' && <p className="muted">{t.accounts.issueHint}</p>}
          {account.activationOutstanding && <p className="muted">{t.accounts.replacesHint}</p>}
          <button type="button" className="primary" disabled={busy} onClick={() => void issue()}>
            {t.accounts.issueCode}
          </button>
        </>
      )}
    </section>
  );
}

/** The account's roles; PEGAWAI is always kept (the gateway adds it anyway). */
function RolesForm({ account, nip, name }: AccountProps) {
  const queries = useQueryClient();
  const [roles, setRoles] = useState<Set<Role>>(() => new Set<Role>([...account.roles, 'PEGAWAI']));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (role: Role) => setRoles((current) => new Set(current.has(role) ? [...current].filter((r) => r !== role) : [...current, role]));
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const chosen = ROLES.filter((role) => role === 'PEGAWAI' || roles.has(role));
      const answer = await unwrap(api.PUT('/api/v1/auth/accounts/{nip}/roles', { params: { path: { nip } }, body: { roles: chosen } }));
      const words = answer.roles.map((role) => t.accounts.roleNames[role] ?? role).join(', ');
      setSaved(fill(t.accounts.rolesSaved, { name, roles: words }));
      await queries.invalidateQueries({ queryKey: accountKey(nip) });
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t.accounts.roles}</h2>
      {saved && <Notice tone="success">{saved}</Notice>}
      <ProblemNotice error={error} />
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="visually-hidden">{t.accounts.roles}</legend>
          {ROLES.map((role) => (
            <label
              key={role}
              style={{ display: 'flex', gap: '0.75rem', alignItems: 'flex-start', padding: '0.5rem 0', minHeight: '2.75rem', cursor: 'pointer' }}
            >
              <input
                type="checkbox"
                name="roles"
                value={role}
                checked={role === 'PEGAWAI' || roles.has(role)}
                disabled={role === 'PEGAWAI'}
                onChange={() => toggle(role)}
              />
              <span>
                <strong>{t.accounts.roleNames[role]}</strong>
                <br />
                <span className="muted">{t.accounts.roleHints[role]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="actions">
          <button className="primary" disabled={busy}>
            {t.accounts.saveRoles}
          </button>
        </div>
      </form>
    </section>
  );
}
