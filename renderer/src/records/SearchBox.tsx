/**
 * The one search box, in the header: Ctrl+K (Cmd+K on a Mac) jumps to it from anywhere. Results
 * come as you type (search.query, debounced), grouped by kind under a heading, best first. Arrow
 * keys move through them, Enter opens one, Escape closes the list (then clears the box, then goes
 * back to where Ctrl+K was pressed).
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../shared/errors';
import type { SearchGroup, SearchHit } from '../../../shared/recordTypes';
import { call } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { isMacPlatform } from '../sessionActivity';
import { entityPlural, hitDetailsText, titleOf } from './display';
import { useKnownFields } from './fields';
import { useNavigation } from './navigation';

const DEBOUNCE_MS = 150;

export function searchShortcut(): string {
  return isMacPlatform() ? 'Meta+K' : 'Control+K';
}

type Results = { text: string; groups: SearchGroup[]; failed: ApiError | null };

export function SearchBox() {
  const { t, language } = useI18n();
  const { go } = useNavigation();
  // A hit's second line needs the fields' labels; until they are known it shows the values as stored.
  const fields = useKnownFields();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  const [active, setActive] = useState(0);
  // Enter pressed while the results of what was typed are still coming: they open the first hit
  // when they arrive, so a quick "muller" + Enter is not silently lost.
  const openWhenFound = useRef<string | null>(null);
  // Where Ctrl+K came from: Escape in the empty box goes back there, so the keys work where they did.
  const cameFrom = useRef<HTMLElement | null>(null);
  const query = text.trim();

  // Ctrl+K / Cmd+K from anywhere in the window.
  useEffect(() => {
    const mac = isMacPlatform();
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      if (!modifier || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k') return;
      event.preventDefault();
      const from = document.activeElement;
      if (from instanceof HTMLElement && from !== inputRef.current && from !== document.body) cameFrom.current = from;
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);

  useEffect(() => {
    if (query === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      void call('search.query', { text: query, limit: 30 }).then((result) => {
        if (!current) return;
        const first = result.ok ? result.value[0]?.hits[0] : undefined;
        if (openWhenFound.current === query && first && document.activeElement === inputRef.current) {
          openHit(first);
          return;
        }
        openWhenFound.current = null;
        setResults(result.ok ? { text: query, groups: result.value, failed: null } : { text: query, groups: [], failed: result.error });
        setActive(0);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // openHit only sets state and navigates; the search runs again only when the text changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  const fresh = results !== null && results.text === query;
  const groups = fresh ? results.groups : [];
  const hits: SearchHit[] = groups.flatMap((group) => group.hits);
  const subtitles = hits.map((hit) => hitDetailsText(hit, fields, language, t));
  const shown = open && query !== '';
  const optionId = (index: number) => `${id}-hit-${index}`;

  useEffect(() => {
    if (shown) document.getElementById(`${id}-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [shown, active, id]);

  function openHit(hit: SearchHit) {
    openWhenFound.current = null;
    setOpen(false);
    setText('');
    setResults(null);
    go({ page: 'record', entity: hit.entity, id: hit.id });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        // A closed list opens at its first hit, as the status says; an open one moves on.
        if (!shown) {
          setOpen(true);
          setActive(0);
        } else setActive((index) => Math.min(index + 1, Math.max(hits.length - 1, 0)));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Home':
      case 'End':
        if (shown && hits.length > 0 && event.ctrlKey) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : hits.length - 1);
        }
        break;
      case 'Enter': {
        const hit = hits[active];
        if (shown && fresh && hit) {
          event.preventDefault();
          openHit(hit);
        } else if (shown && !fresh) {
          event.preventDefault();
          openWhenFound.current = query;
        } else if (!shown && query !== '') {
          // The list closed with Escape: Enter shows it again, at its first hit.
          event.preventDefault();
          setOpen(true);
          setActive(0);
        }
        break;
      }
      case 'Escape':
        event.preventDefault();
        if (shown) setOpen(false);
        else if (text !== '') {
          setText('');
          setResults(null);
        } else if (cameFrom.current?.isConnected) {
          cameFrom.current.focus();
          cameFrom.current = null;
        }
        break;
    }
  }

  // Each group's first hit's place in the one list the arrow keys move through.
  const starts = groups.map((_, g) => groups.slice(0, g).reduce((sum, group) => sum + group.hits.length, 0));
  const status = !shown
    ? ''
    : !fresh
      ? t('search.searching')
      : results?.failed
        ? t('search.failed', { message: results.failed })
        : hits.length === 0
          ? t('search.none', { text: query })
          : t('search.count', { count: hits.length });

  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="search"
        role="combobox"
        className="search-input"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('search.placeholder', { shortcut: isMacPlatform() ? '⌘K' : 'Ctrl+K' })}
        aria-keyshortcuts={searchShortcut()}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown && fresh && hits[active] ? optionId(active) : undefined}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          openWhenFound.current = null;
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // Left some other way (a hit opened, a click elsewhere): there is no going back any more.
          cameFrom.current = null;
        }}
        onKeyDown={onKeyDown}
      />
      <div className="search-popup" hidden={!shown}>
        <div role="listbox" id={`${id}-list`} aria-label={t('search.results')}>
          {groups.map((group, g) => {
            const headingId = `${id}-group-${group.entity}`;
            return (
              <div key={group.entity} role="group" aria-labelledby={headingId} className="search-group">
                <div id={headingId} role="presentation" className="search-group-heading">
                  {entityPlural(group.entity, language)}
                </div>
                {group.hits.map((hit, h) => {
                  const mine = (starts[g] ?? 0) + h;
                  return (
                    <div
                      key={`${hit.entity}-${hit.id}`}
                      id={optionId(mine)}
                      role="option"
                      aria-selected={mine === active}
                      className={mine === active ? 'search-hit search-hit-active' : 'search-hit'}
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseMove={() => setActive(mine)}
                      onClick={() => openHit(hit)}
                    >
                      <span className="search-hit-title">{titleOf(hit, t)}</span>
                      {subtitles[mine] && <span className="search-hit-subtitle">{subtitles[mine]}</span>}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        <p className="search-status" role="status">
          {status}
        </p>
      </div>
    </div>
  );
}
