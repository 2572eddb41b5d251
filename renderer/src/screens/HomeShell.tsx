/**
 * The signed-in shell (phase 'signedIn'): who and where you are, the search box (Ctrl+K), the
 * navigation, the settings, Lock and the way out. Pages mount inside <main> and are dropped whole
 * when the session locks or ends, so nothing they loaded outlives the session. Navigation hides
 * what the user may not do; the core refuses it anyway. After an undo, redo, restore or deletion
 * the page is mounted afresh, so it shows the data as it is now.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionInfo } from '../../../shared/api';
import { AccessPage } from '../access/AccessPage';
import { RolesPage } from '../access/RolesPage';
import { ViewAsBanner } from '../access/ViewAsBanner';
import { AuditPage } from '../audit/AuditPage';
import { RetentionPage } from '../privacy/RetentionPage';
import { call } from '../api';
import { focusPageHeading } from '../components/BusyButton';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Notice } from '../components/Notice';
import { PassphraseOnlyNotice } from '../components/PassphraseOnlyNotice';
import { ScreenHeading } from '../components/ScreenHeading';
import { SettingsMenu } from '../components/SettingsMenu';
import { useI18n } from '../i18n/I18nProvider';
import type { Message } from '../i18n/translate';
import { HistoryPage } from '../history/HistoryPage';
import { HistoryProvider } from '../history/HistoryProvider';
import { TrashPage } from '../history/TrashPage';
import { FieldsProvider } from '../records/fields';
import { FieldsPage } from '../records/FieldsPage';
import { ImportPage } from '../records/ImportPage';
import { ListPlacesContext, NavigationContext, routeKey, type ListPlaces, type Navigation, type Route } from '../records/navigation';
import { NewRecordPage } from '../records/NewRecordPage';
import { RecordDetailPage } from '../records/RecordDetailPage';
import { RecordListPage } from '../records/RecordListPage';
import { RightsContext, rightsFrom } from '../records/rights';
import { SearchBox } from '../records/SearchBox';
import { lockShortcut } from '../sessionActivity';
import { AccountPage } from '../shell/AccountPage';
import { HomePage } from '../shell/HomePage';
import { navGroupsFor, sectionOf, ShellNav } from '../shell/ShellNav';
import { UsersPage } from '../shell/UsersPage';
import { StepUpProvider } from '../stepUp';
import { UnsavedInputProvider, usePageRefresh, VisitMemoryProvider } from '../records/unsavedInput';

interface HomeShellProps {
  session: SessionInfo;
  onSignedOut: () => void;
  onLock: () => void;
  /** Something the session carries changed (the policy, say): ask the core again. */
  onSessionChanged: () => void;
  /** The shell goes (a lock, a sign-out) while a form holds unsaved input. */
  onLeftWithInput: () => void;
  /** Back from a lock that dropped a form's unsaved input: said on the first page. */
  inputLostAtLock: boolean;
}

const HISTORY_LIMIT = 50;

/**
 * The pages that show records, and so are shown afresh when records change under them (undo, redo,
 * restore, deletion). The others keep what the user is typing: a new record's form, an import's
 * mapping, the account and admin pages hold nothing an undo can change.
 */
const SHOWS_RECORDS: ReadonlySet<Route['page']> = new Set(['home', 'list', 'record', 'history', 'trash']);

export function HomeShell({ session, onSignedOut, onLock, onSessionChanged, onLeftWithInput, inputLostAtLock }: HomeShellProps) {
  const { t } = useI18n();
  // Each visit has its own number, so going to the page one is on shows it afresh.
  const [history, setHistory] = useState<{ route: Route; visit: number }[]>([{ route: { page: 'home' }, visit: 0 }]);
  const [visits, setVisits] = useState(1);
  // Page headings take focus only after the user moved; on arrival the shell's heading has it.
  const [navigated, setNavigated] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const { user, permissions } = session;

  const rights = useMemo(() => rightsFrom(session.rights), [session.rights]);
  const navGroups = navGroupsFor(rights, permissions);

  const entry = history[history.length - 1];
  const current = entry?.route;
  const currentSection = current ? sectionOf(current) : 'home';
  const allowed = current !== undefined && (currentSection === null || navGroups.some((group) => group.items.includes(currentSection)));
  const route = useMemo<Route>(() => (current && allowed ? current : { page: 'home' }), [current, allowed]);
  // When the data changed under the page (undo, redo, restore, deletion), a page that shows records
  // remounts (SHOWS_RECORDS) — once its forms let go of what the user typed (records/unsavedInput.tsx).
  const visitKey = `${routeKey(route)}#${entry?.visit ?? 0}`;
  // What a page says about the user's last step holds only when that step let it refresh (a save
  // after a deferred refresh); any other refresh, like a new visit, starts with a new memory.
  const [memoryGeneration, setMemoryGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new memory for each visit and generation
  const visitMemory = useMemo(() => new Map<string, unknown>(), [visitKey, memoryGeneration]);
  // Where the user was in each list, by visit (and whose view it is: a list's cursors are the
  // caller's), so Back or the page shown afresh returns there; see records/navigation.tsx.
  const [placeStore] = useState(() => new Map<string, unknown>());
  const viewAsId = session.viewAs?.id;
  const listPlaces = useMemo<ListPlaces>(() => ({ visit: `${visitKey}#${viewAsId ?? 'self'}`, places: placeStore }), [visitKey, viewAsId, placeStore]);
  const showAfresh = useCallback((afterInput: boolean) => {
    // Focus inside the page would fall to nowhere when it remounts; its heading takes it instead.
    setNavigated(mainRef.current?.contains(document.activeElement) ?? false);
    if (!afterInput) setMemoryGeneration((generation) => generation + 1);
  }, []);
  const pageRefresh = usePageRefresh(SHOWS_RECORDS.has(route.page), showAfresh);
  const { refresh, forget: forgetRefresh, holdsInput } = pageRefresh;
  // Asked as the shell goes: whether a form on it still held what the user typed.
  const leftWithInput = useRef(onLeftWithInput);
  useEffect(() => {
    leftWithInput.current = onLeftWithInput;
  }, [onLeftWithInput]);
  useEffect(
    () => () => {
      if (holdsInput()) leftWithInput.current();
    },
    [holdsInput],
  );
  // Leaving a page drops what its forms hold: while one holds unsaved input, the user is asked
  // first, and this is the step that waits for the answer. (A save moves on with `replace`, which
  // is not asked; locking is never held up, and drops the page as it always does.)
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const askBeforeLeaving = useCallback(
    (leave: () => void) => {
      if (holdsInput()) setLeaving(() => leave);
      else leave();
    },
    [holdsInput],
  );

  const go = useCallback(
    (next: Route) =>
      askBeforeLeaving(() => {
        forgetRefresh();
        setNavigated(true);
        setVisits((count) => count + 1);
        setHistory((previous) => [...previous, { route: next, visit: visits }].slice(-HISTORY_LIMIT));
      }),
    [visits, forgetRefresh, askBeforeLeaving],
  );
  const replace = useCallback((next: Route) => {
    setHistory((previous) => [...previous.slice(0, -1), { route: next, visit: previous.at(-1)?.visit ?? 0 }]);
  }, []);
  const back = useCallback(
    () =>
      askBeforeLeaving(() => {
        forgetRefresh();
        setNavigated(true);
        setHistory((previous) => (previous.length > 1 ? previous.slice(0, -1) : previous));
      }),
    [forgetRefresh, askBeforeLeaving],
  );
  const backPast = useCallback(
    (gone: (route: Route) => boolean, fallback: Route) =>
      askBeforeLeaving(() => {
        forgetRefresh();
        setNavigated(true);
        setVisits((count) => count + 1);
        setHistory((previous) => {
          const kept = previous.slice(0, -1).filter((entry) => !gone(entry.route));
          return kept.length > 0 ? kept : [{ route: fallback, visit: visits }];
        });
      }),
    [visits, forgetRefresh, askBeforeLeaving],
  );
  const openHistory = useCallback(() => go({ page: 'history' }), [go]);
  const navigation = useMemo<Navigation>(
    () => ({ route, go, replace, back, backPast, canGoBack: history.length > 1 }),
    [route, go, replace, back, backPast, history.length],
  );

  function signOut() {
    if (!busy) askBeforeLeaving(() => void signOutNow());
  }

  async function signOutNow() {
    if (busy) return;
    setError(null);
    setBusy(true);
    const result = await call('session.signOut', {});
    setBusy(false);
    // A session that is already gone is what the user wanted, so that counts as signed out too.
    if (result.ok || result.error.code === 'UNAUTHENTICATED') onSignedOut();
    else setError({ key: 'home.signOutFailed', params: { message: result.error } });
  }

  function page() {
    switch (route.page) {
      case 'home':
        return <HomePage session={session} takeFocus={navigated} />;
      case 'account':
        return <AccountPage session={session} takeFocus={navigated} />;
      case 'users':
        return <UsersPage session={session} takeFocus={navigated} onPolicyChanged={onSessionChanged} />;
      case 'access':
        return <AccessPage takeFocus={navigated} selfId={user.id} />;
      case 'roles':
        return <RolesPage takeFocus={navigated} ownRole={user.role} />;
      case 'audit':
        return <AuditPage takeFocus={navigated} about={route.about} />;
      case 'retention':
        return <RetentionPage takeFocus={navigated} />;
      case 'fields':
        return <FieldsPage takeFocus={navigated} />;
      case 'import':
        return <ImportPage takeFocus={navigated} userId={user.id} />;
      case 'history':
        return <HistoryPage takeFocus={navigated} />;
      case 'trash':
        return <TrashPage takeFocus={navigated} />;
      case 'list':
        // "My open tasks" are the previewed user's during a "view as": the core lists theirs.
        return <RecordListPage entity={route.entity} settings={route.settings ?? {}} userId={session.viewAs?.id ?? user.id} takeFocus={navigated} />;
      case 'record':
        return <RecordDetailPage entity={route.entity} id={route.id} takeFocus={navigated} />;
      case 'new':
        return <NewRecordPage entity={route.entity} preset={route.preset} takeFocus={navigated} />;
    }
  }

  return (
    <StepUpProvider>
      <NavigationContext.Provider value={navigation}>
        <RightsContext.Provider value={rights}>
          <HistoryProvider onDataChanged={refresh} onOpenHistory={openHistory}>
            {/* A preview as someone else (or its end) is another set of rights: every page starts afresh. */}
            <FieldsProvider key={session.viewAs?.id ?? 'self'}>
              <div className="shell">
                {/* The first Tab stop: past the header and the navigation, straight to the page. */}
                <a
                  href="#main-content"
                  className="skip-link"
                  onClick={(event) => {
                    // The focus itself moves, not only the scroll a fragment link gives: the page's
                    // heading is read out, and the next Tab starts in the page.
                    event.preventDefault();
                    focusPageHeading();
                  }}
                >
                  {t('shell.skipToContent')}
                </a>
                {session.viewAs && <ViewAsBanner viewAs={session.viewAs} />}
                <header className="shell-header">
                  <div className="shell-top">
                    <ScreenHeading className="org-name">{session.orgName}</ScreenHeading>
                    <SearchBox />
                    <div className="shell-actions">
                      <p className="signed-in-user">
                        <span className="visually-hidden">{t('home.signedInAs')} </span>
                        <span className="user-display-name">{user.displayName}</span>{' '}
                        {user.displayName !== user.username && <span className="user-username">{user.username}</span>}
                      </p>
                      <SettingsMenu />
                      <button type="button" className="button-quiet" onClick={onLock} aria-keyshortcuts={lockShortcut()}>
                        {t('shell.lock')}
                      </button>
                      <button type="button" className="button-quiet" onClick={signOut} disabled={busy}>
                        {busy ? t('home.signingOut') : t('home.signOut')}
                      </button>
                    </div>
                  </div>
                  <ShellNav groups={navGroups} route={route} onGo={go} />
                </header>
                <main ref={mainRef} id="main-content" className="shell-main">
                  {error && <Notice tone="error">{t(error.key, error.params)}</Notice>}
                  <PassphraseOnlyNotice keyMode={session.keyMode} />
                  {pageRefresh.deferred && <Notice tone="info">{t('shell.inputKept')}</Notice>}
                  {inputLostAtLock && history.length === 1 && <Notice tone="warning">{t('shell.inputLostAtLock')}</Notice>}
                  <UnsavedInputProvider value={pageRefresh.hold}>
                    <VisitMemoryProvider value={visitMemory}>
                      <ListPlacesContext.Provider value={listPlaces}>
                        <div key={`${visitKey}#${SHOWS_RECORDS.has(route.page) ? pageRefresh.refreshes : 0}`} className="page-host">
                          {page()}
                        </div>
                      </ListPlacesContext.Provider>
                    </VisitMemoryProvider>
                  </UnsavedInputProvider>
                </main>
              </div>
            </FieldsProvider>
            {leaving && (
              <ConfirmDialog
                title={t('shell.leaveTitle')}
                text={t('shell.leaveText')}
                confirmLabel={t('shell.leaveConfirm')}
                onConfirm={() => {
                  setLeaving(null);
                  leaving();
                }}
                onCancel={() => setLeaving(null)}
              />
            )}
          </HistoryProvider>
        </RightsContext.Provider>
      </NavigationContext.Provider>
    </StepUpProvider>
  );
}
