/**
 * The signed-in user's own recent commands, newest first, with Undo and Redo at the top: the same
 * stack the keys walk (DESIGN §7). Commands nothing can reverse (erasure, permanent deletion) say so.
 */
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/errors';
import { IRREVERSIBLE_VERBS, type CommandSummary } from '../../../shared/historyTypes';
import { describeCommand } from '../../../shared/historyLabels';
import { call } from '../api';
import { BusyButton } from '../components/BusyButton';
import { Notice } from '../components/Notice';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { isMacPlatform } from '../sessionActivity';
import { useHistory } from './HistoryProvider';
import { redoShortcut, undoShortcut } from './undoShortcuts';

const LIMIT = 100;

type Loaded = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; commands: CommandSummary[] };

/**
 * The newest command before this one (newer in the list) that undo cannot pass: one irreversible by
 * its nature, done. Ctrl+Z stops there, so what came before it can no longer be reached.
 */
function barrierBefore(commands: readonly CommandSummary[], index: number): CommandSummary | null {
  return commands.slice(0, index).find((command) => command.state === 'done' && !command.undoable && IRREVERSIBLE_VERBS.has(command.label.verb)) ?? null;
}

/**
 * Whether Undo or Redo has a command to go to, as the core walks the journal (history/undo.ts
 * nextCommand: emptied commands are stepped over, one irreversible by nature stops the walk, with a
 * message). null when the page cannot tell: its list holds only the newest commands.
 */
function hasNext(commands: readonly CommandSummary[], direction: 'undo' | 'redo'): boolean | null {
  const state = direction === 'undo' ? 'done' : 'undone';
  if (commands.some((command) => command.state === state && (command.undoable || IRREVERSIBLE_VERBS.has(command.label.verb)))) return true;
  return commands.length < LIMIT ? false : null;
}

/** Why Ctrl+Z no longer reaches a command, when a command after it cannot be undone. */
function BehindBarrier({ commands, index }: { commands: readonly CommandSummary[]; index: number }) {
  const { t, language } = useI18n();
  const barrier = barrierBefore(commands, index);
  if (!barrier) return null;
  const why = t('history.behindBarrier', { command: describeCommand(barrier.label, language) });
  // What was moved to the trash is still there to restore, whatever undo can reach.
  return <span className="muted">{` · ${commands[index]?.label.verb === 'delete' ? `${why}; ${t('history.behindBarrierTrash')}` : why}`}</span>;
}

export function HistoryPage({ takeFocus }: { takeFocus: boolean }) {
  const { t, language } = useI18n();
  const history = useHistory();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  // Every undo or redo shows the page afresh (the shell remounts it), so loading once is enough.
  useEffect(() => {
    let current = true;
    void call('history.list', { limit: LIMIT }).then((result) => {
      if (current) setLoaded(result.ok ? { kind: 'ready', commands: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, []);

  const mac = isMacPlatform();
  const nothingToUndo = loaded.kind === 'ready' && hasNext(loaded.commands, 'undo') === false;
  const nothingToRedo = loaded.kind === 'ready' && hasNext(loaded.commands, 'redo') === false;

  return (
    <section className="page">
      <PageHeading takeFocus={takeFocus}>{t('history.title')}</PageHeading>
      <p>{t('history.intro', { undoKey: mac ? '⌘Z' : 'Ctrl+Z', redoKey: mac ? '⇧⌘Z' : 'Ctrl+Shift+Z' })}</p>
      <div className="button-row">
        {/* Kept focusable while busy: the page is shown afresh after an undo, and the shell gives its
            heading the focus only when the focus was in the page (HomeShell showAfresh). With nothing
            to go to, a button says so as unavailable, and a line under it says why. */}
        <BusyButton
          className="button-primary"
          busy={history.busy}
          aria-disabled={nothingToUndo || undefined}
          aria-describedby={nothingToUndo ? 'history-nothing-to-undo' : undefined}
          aria-keyshortcuts={undoShortcut()}
          onClick={() => {
            if (!nothingToUndo) void history.undo();
          }}
        >
          {t('history.undo')}
        </BusyButton>
        <BusyButton
          className="button-quiet"
          busy={history.busy}
          aria-disabled={nothingToRedo || undefined}
          aria-describedby={nothingToRedo ? 'history-nothing-to-redo' : undefined}
          aria-keyshortcuts={redoShortcut()}
          onClick={() => {
            if (!nothingToRedo) void history.redo();
          }}
        >
          {t('history.redo')}
        </BusyButton>
      </div>
      {(nothingToUndo || nothingToRedo) && (
        <p className="muted">
          {nothingToUndo && <span id="history-nothing-to-undo">{t('history.nothingToUndo')}</span>}
          {nothingToUndo && nothingToRedo && ' '}
          {nothingToRedo && <span id="history-nothing-to-redo">{t('history.nothingToRedo')}</span>}
        </p>
      )}
      <section className="panel" aria-labelledby="history-list-title">
        <h3 id="history-list-title">{t('history.listTitle')}</h3>
        {loaded.kind === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {loaded.kind === 'failed' && <Notice tone="error">{t('history.loadFailed', { message: loaded.error })}</Notice>}
        {loaded.kind === 'ready' && loaded.commands.length === 0 && <p className="muted">{t('history.empty')}</p>}
        {loaded.kind === 'ready' && loaded.commands.length > 0 && (
          <div className="table-scroll">
            {/* Named by the section's heading: a caption of the same words would be read twice. */}
            <table className="table" aria-labelledby="history-list-title">
              <thead>
                <tr>
                  <th scope="col">{t('history.col.what')}</th>
                  <th scope="col">{t('history.col.when')}</th>
                  <th scope="col">{t('history.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.commands.map((command, index) => (
                  <tr key={command.id} className={command.state === 'undone' ? 'command-undone' : undefined}>
                    <td>{describeCommand(command.label, language)}</td>
                    <td>
                      <time dateTime={command.at}>{formatDateTime(command.at, language)}</time>
                    </td>
                    <td>
                      {command.state === 'done' ? t('history.state.done') : t('history.state.undone')}
                      {!command.undoable && (
                        <span className="muted">{` · ${t(IRREVERSIBLE_VERBS.has(command.label.verb) ? 'history.notUndoable' : 'history.notUndoableSince')}`}</span>
                      )}
                      {command.undoable && command.state === 'done' && <BehindBarrier commands={loaded.commands} index={index} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
