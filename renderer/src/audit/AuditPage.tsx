/**
 * The audit log, for those with the `audit.read` task: the entries newest first, a page at a time
 * with older ones on request (who, what, when, what it concerns, the counts and flags the core
 * noted), and a check of the whole hash chain, the same one `admin audit verify` runs. Entries hold
 * ids and counts only; the actor's name is joined by the core from the users as they are now, and a
 * role or a field is named from the install's roles and fields as they are now. Opened from a
 * record's page ("Audit trail"), it lists only the entries about that record; an entry about a
 * record links to it, so "Contact 5" leads to the person (3 December, from a privacy officer's
 * walk: nothing said who "Contact 5" was, and a person's trail was lost among sign-ins).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { RoleDefinition } from '../../../shared/access';
import type { AuditEntry, AuditVerdict } from '../../../shared/apiTypes';
import type { ApiError } from '../../../shared/errors';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatCount, formatDateTime } from '../format';
import { useFields } from '../records/fields';
import { RecordLink } from '../records/columns';
import { useNavigation, type Route } from '../records/navigation';
import { useI18n } from '../i18n/I18nProvider';
import { actionText, detailsText, recordOfTarget, targetText, verdictText, whoText } from './describe';
import type { InstallNames } from './detailWords';
import { useAuditText } from './strings';

/** Entries per page: the newest at first, then this many older ones at each request. */
const PAGE = 100;

/**
 * `more`: the last page was full, so older entries may follow. `older`: the state of a request for
 * them — its failure shows beside the button, and what is on screen stays.
 */
type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; entries: AuditEntry[]; more: boolean; older: 'idle' | 'loading' | ApiError };
type Check = { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed'; error: ApiError } | { kind: 'done'; verdict: AuditVerdict };

type About = NonNullable<Extract<Route, { page: 'audit' }>['about']>;

export function AuditPage({ takeFocus, about }: { takeFocus: boolean; about?: About | undefined }) {
  const { u, language } = useAuditText();
  const { go } = useNavigation();
  const target = about ? `${about.entity}:${about.id}` : undefined;
  const only = target === undefined ? {} : { target };
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  // The install's roles, to name a custom role in an entry; null until known (or if they cannot be
  // loaded: then built-in roles are still named, and a custom one shows its id as written).
  const [roles, setRoles] = useState<readonly RoleDefinition[] | null>(null);
  // The install's fields, so a custom field is named by its label rather than its key.
  const { state: fields } = useFields();
  const names = useMemo<InstallNames>(() => ({ roles, fields: fields.kind === 'ready' ? fields.fields : null }), [roles, fields]);
  // Where the focus goes when the last older entries are in and their button gives way to this line.
  const allShownRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let current = true;
    void call('audit.list', { limit: PAGE, ...only }).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { kind: 'ready', entries: result.value, more: result.value.length === PAGE, older: 'idle' } : { kind: 'failed', error: result.error });
    });
    void call('roles.list', {}).then((result) => {
      if (current && result.ok) setRoles(result.value);
    });
    return () => {
      current = false;
    };
    // A page per route (routeKey): `only` is fixed for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function showOlder() {
    if (loaded.kind !== 'ready' || loaded.older === 'loading') return;
    const shown = loaded.entries;
    const before = shown[shown.length - 1]?.seq;
    if (before === undefined) return;
    setLoaded({ ...loaded, older: 'loading' });
    const result = await call('audit.list', { limit: PAGE, before, ...only });
    const more = result.ok && result.value.length === PAGE;
    flushSync(() =>
      setLoaded(result.ok ? { kind: 'ready', entries: [...shown, ...result.value], more, older: 'idle' } : { ...loaded, older: result.error }),
    );
    if (result.ok && !more) allShownRef.current?.focus();
  }

  async function verify() {
    setCheck({ kind: 'checking' });
    const result = await call('audit.verify', {});
    setCheck(result.ok ? { kind: 'done', verdict: result.value } : { kind: 'failed', error: result.error });
  }

  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{about ? u('audit.trailTitle', { record: targetText(target ?? null, language), title: about.title }) : u('audit.title')}</PageHeading>
      <p>{u('audit.intro')}</p>
      {about && (
        <div className="button-row">
          <button type="button" className="button-quiet" onClick={() => go({ page: 'audit' })}>
            {u('audit.wholeLog')}
          </button>
        </div>
      )}
      <div className="button-row">
        <BusyButton className="button-primary" busy={check.kind === 'checking'} onClick={() => void verify()}>
          {check.kind === 'checking' ? u('audit.verifying') : u('audit.verify')}
        </BusyButton>
      </div>
      {check.kind === 'done' && <Notice tone={check.verdict.ok ? 'info' : 'error'}>{verdictText(check.verdict, language)}</Notice>}
      {check.kind === 'failed' && <Notice tone="error">{u('audit.verifyFailed', { message: check.error })}</Notice>}
      {loaded.kind === 'loading' && <p role="status">{u('audit.loading')}</p>}
      {loaded.kind === 'failed' && <Notice tone="error">{u('audit.loadFailed', { message: loaded.error })}</Notice>}
      {loaded.kind === 'ready' && loaded.entries.length === 0 && <p className="muted">{u('audit.empty')}</p>}
      {loaded.kind === 'ready' && loaded.entries.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{u('audit.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{u('audit.when')}</th>
                <th scope="col">{u('audit.who')}</th>
                <th scope="col">{u('audit.what')}</th>
                <th scope="col">{u('audit.concerns')}</th>
                <th scope="col">{u('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.entries.map((entry) => (
                <tr key={entry.seq}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                  </td>
                  <td>{whoText(entry, language)}</td>
                  <td>{actionText(entry.action, language)}</td>
                  <td>
                    <TargetCell target={entry.target} text={targetText(entry.target, language, names)} go={go} />
                  </td>
                  <td>{detailsText(entry.details, language, names, entry.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.kind === 'ready' && loaded.entries.length > 0 && (
        <div className="button-row">
          {loaded.more ? (
            <BusyButton className="button-quiet" busy={loaded.older === 'loading'} onClick={() => void showOlder()}>
              {loaded.older === 'loading' ? u('audit.loadingOlder') : u('audit.older')}
            </BusyButton>
          ) : (
            <p className="muted" ref={allShownRef} tabIndex={-1}>{loaded.entries.length === 1 ? u('audit.allShownOne') : u('audit.allShown', { count: formatCount(loaded.entries.length, language) })}</p>
          )}
        </div>
      )}
      {loaded.kind === 'ready' && typeof loaded.older === 'object' && <Notice tone="error">{u('audit.olderFailed', { message: loaded.older })}</Notice>}
    </section>
  );
}

/** What an entry concerns; a record as a link to its page (which says so if it is gone or not to be read). */
function TargetCell({ target, text, go }: { target: string | null; text: string; go: (route: Route) => void }) {
  const { t } = useI18n();
  const record = recordOfTarget(target);
  return record ? <RecordLink record={{ ...record, title: text }} go={go} t={t} /> : <>{text}</>;
}
