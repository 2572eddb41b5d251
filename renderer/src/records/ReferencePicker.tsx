/**
 * A searchable select for a reference field (the organisation of a contact, say): an ARIA 1.2
 * combobox with a listbox. Empty, it offers the first records by name (`records.list`); typed into,
 * it asks the search index (`search.query`, debounced) and keeps the hits of the wanted kind.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../shared/errors';
import type { EntityName } from '../../../shared/registry';
import { call } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import type { SearchHit } from '../../../shared/recordTypes';
import { hitDetailsText, titleOf } from './display';
import { useKnownFields } from './fields';

export interface RefValue {
  id: number;
  title: string;
}

interface Option extends RefValue {
  /** The search hit it came from, for its second line; none for the first records by name. */
  hit: SearchHit | null;
}

const DEBOUNCE_MS = 150;

async function lookUp(target: EntityName, query: string): Promise<Option[] | { failed: ApiError }> {
  if (query === '') {
    const result = await call('records.list', { entity: target, limit: 20 });
    if (!result.ok) return { failed: result.error };
    return result.value.rows.map((row) => ({ id: row.id, title: row.title, hit: null }));
  }
  const result = await call('search.query', { text: query, limit: 100 });
  if (!result.ok) return { failed: result.error };
  const hits = result.value.find((group) => group.entity === target)?.hits ?? [];
  return hits.map((hit) => ({ id: hit.id, title: hit.title, hit }));
}

interface ReferencePickerProps {
  id: string;
  target: EntityName;
  value: RefValue | null;
  onChange: (value: RefValue | null) => void;
  /** The field's name, for the list and the clear button. */
  label: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  required?: boolean;
  disabled?: boolean;
}

export function ReferencePicker({ id, target, value, onChange, label, describedBy, invalid, required, disabled }: ReferencePickerProps) {
  const { t, language } = useI18n();
  // A hit's second line needs the fields' labels; until they are known it shows the values as stored.
  const fields = useKnownFields();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // What the user typed; null while not editing, when the chosen record's title shows.
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<{ query: string; options: Option[]; failed: ApiError | null } | null>(null);
  const [active, setActive] = useState(-1);
  const query = (text ?? '').trim();

  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void lookUp(target, query).then((answer) => {
        if (!current) return;
        if (Array.isArray(answer)) {
          setFound({ query, options: answer, failed: null });
          setActive(answer.length > 0 ? 0 : -1);
        } else {
          setFound({ query, options: [], failed: answer.failed });
          setActive(-1);
        }
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [open, query, target]);

  const options = found?.options ?? [];
  const searching = open && (found === null || found.query !== query);
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${listId}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, active, listId]);

  function choose(option: Option) {
    onChange({ id: option.id, title: option.title });
    setText(null);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        else setActive((index) => Math.min(index + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((index) => Math.max(index - 1, 0));
        break;
      case 'Enter': {
        const option = options[active];
        if (open && !searching && option) {
          event.preventDefault();
          choose(option);
        }
        break;
      }
      case 'Escape':
        if (open) {
          // Closing the list is all Escape does here, not closing a dialog around it.
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setText(null);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  function onBlur() {
    if (text !== null && text.trim() === '' && !required) onChange(null);
    setText(null);
    setOpen(false);
  }

  return (
    <div className="picker">
      <div className="picker-input">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && !searching ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          aria-required={required ? true : undefined}
          disabled={disabled}
          placeholder={t('picker.placeholder')}
          value={text ?? value?.title ?? ''}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setOpen(true);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
        {value && !required && !disabled && (
          <button
            type="button"
            className="picker-clear"
            aria-label={t('picker.clear', { label })}
            onClick={() => {
              onChange(null);
              setText(null);
              // This button goes with the value; the focus goes back to the field, to pick another.
              inputRef.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      <div className="picker-popup" hidden={!open}>
        <ul role="listbox" id={listId} aria-label={label}>
          {!searching &&
            options.map((option, index) => (
              <li
                key={option.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'picker-option picker-option-active' : 'picker-option'}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
              >
                <span className="picker-option-title">{titleOf(option, t)}</span>
                {option.hit && option.hit.details.length > 0 && (
                  <span className="picker-option-subtitle">{hitDetailsText(option.hit, fields, language, t)}</span>
                )}
              </li>
            ))}
        </ul>
        {open && (
          <p className="picker-status" role="status">
            {searching
              ? t('picker.searching')
              : found?.failed
                ? t('picker.failed', { message: found.failed })
                : options.length === 0
                  ? t('picker.none')
                  : ''}
          </p>
        )}
      </div>
    </div>
  );
}
