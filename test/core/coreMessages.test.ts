/**
 * The core's messages in both languages (shared/coreMessages, renderer/src/i18n/core): every id
 * has Dutch with the same placeholders, an error carries its id and values over the wall, and the
 * renderer shows it in the reader's language — also the words the core fills in (a kind of
 * record), which come in both languages.
 */
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES, formatMessage, lowerCase, placeholdersOf, type CoreMessageId } from '../../shared/coreMessages';
import { ENTITIES } from '../../shared/registry';
import { coreText, KluisError } from '../../electron/core/errors';
import { CORE_MESSAGES_NL, coreErrorText, coreTextByWords } from '../../renderer/src/i18n/core';
import { fieldErrorsFrom } from '../../renderer/src/api';
import { reasonText, reasonTexts, translate } from '../../renderer/src/i18n/translate';
import { accessText } from '../../renderer/src/access/strings';
import { signedInAdmin } from '../support/install';

const ids = Object.keys(CORE_MESSAGES) as CoreMessageId[];

describe('the core message catalogue', () => {
  it('has Dutch for every message, with the same placeholders, and no Dutch left in English', () => {
    expect(ids.length).toBeGreaterThan(50);
    for (const id of ids) {
      const english = CORE_MESSAGES[id];
      const dutch = CORE_MESSAGES_NL[id];
      expect(dutch, id).toBeTruthy();
      expect(new Set(placeholdersOf(dutch)), id).toEqual(new Set(placeholdersOf(english)));
      expect(id, 'ids name their part').toMatch(/^(common|access|records|history|session)\.[a-z][A-Za-z0-9]*$/);
    }
    expect(Object.keys(CORE_MESSAGES_NL).sort()).toEqual([...ids].sort());
  });

  it('gives each English text one id, so a text without its id is found back', () => {
    const plain = ids.filter((id) => placeholdersOf(CORE_MESSAGES[id]).length === 0);
    const texts = plain.map((id) => CORE_MESSAGES[id]);
    expect(new Set(texts).size).toBe(texts.length);
    for (const id of plain) expect(coreTextByWords(CORE_MESSAGES[id], 'nl')).toBe(CORE_MESSAGES_NL[id]);
    expect(coreTextByWords('A text from elsewhere', 'nl')).toBe('A text from elsewhere');
  });

  it('groups the thousands of large numbers as each language writes them, and leaves years alone', () => {
    expect(formatMessage(CORE_MESSAGES['records.tooLong'], { max: 10_000 }, 'en')).toBe('Use at most 10,000 characters');
    expect(formatMessage(CORE_MESSAGES_NL['records.tooLong'], { max: 10_000 }, 'nl')).toMatch(/ 10\.000 /);
    expect(formatMessage('{n} rows', { n: 1_234_567 }, 'nl')).toBe('1.234.567 rows');
    expect(formatMessage('in {year}, {n}', { year: 2026, n: 200 }, 'en')).toBe('in 2026, 200');
  });
});

describe('a core error', () => {
  it('reads in English in the core and crosses the wall with its id and values', () => {
    const entity = lowerCase(ENTITIES.contact.label.singular);
    const error = new KluisError('NOT_FOUND', { id: 'common.noSuchRecord', values: { entity } });
    expect(error.message).toBe('No such contact.');
    expect(error.toApiError()).toEqual({ code: 'NOT_FOUND', message: 'No such contact.', messageId: 'common.noSuchRecord', values: { entity } });
    const plain = new KluisError('UNAUTHENTICATED', 'common.signInFirst', { retry: false });
    expect(plain.toApiError()).toEqual({ code: 'UNAUTHENTICATED', message: 'Sign in first.', messageId: 'common.signInFirst', details: { retry: false } });
    expect(coreText('common.noRight', { right: 'users.manage' })).toBe('You do not have the right "users.manage".');
  });

  it('is shown in the reader’s language, with the words the core filled in, in that language too', () => {
    const error = new KluisError('NOT_FOUND', { id: 'common.noSuchRecord', values: { entity: lowerCase(ENTITIES.contact.label.singular) } }).toApiError();
    expect(coreErrorText(error, 'en')).toBe('No such contact.');
    expect(coreErrorText(error, 'nl')).toBe(formatMessage(CORE_MESSAGES_NL['common.noSuchRecord'], { entity: 'contactpersoon' }, 'nl'));
    expect(coreErrorText(error, 'nl')).toContain('contactpersoon');
    // Kept inside a screen's own text, it is put in the language of the moment it is shown.
    expect(translate('nl', 'signIn.failed', { message: error })).toContain('contactpersoon');
    expect(translate('en', 'signIn.failed', { message: error })).toContain('No such contact.');
    // The access pages' own texts take it the same way.
    expect(accessText('nl', 'reveal.failed', { message: error })).toContain('contactpersoon');
    expect(accessText('en', 'reveal.failed', { message: error })).toContain('No such contact.');
    // An error without an id (from an older core, or the IPC layer) is shown as written.
    expect(coreErrorText({ message: 'Something else.' }, 'nl')).toBe('Something else.');
  });
});

describe('a refusal that names fields', () => {
  it('gives each field its reason in English and by id, and the renderer shows each in Dutch, values and all', async () => {
    const t = await signedInAdmin();
    const result = await t.call('records.create', { entity: 'organisation', values: { name: 'Bakkerij Jansen', street: 'x'.repeat(300), email: 'geen adres' } });
    expect(result.ok).toBe(false);
    const { error } = result as { ok: false; error: { code: string; messageId?: string; details?: unknown } };
    expect(error).toMatchObject({
      code: 'VALIDATION',
      messageId: 'records.invalidValues',
      details: {
        fieldErrors: { street: ['Use at most 200 characters'], email: ['Not a valid e-mail address'] },
        fieldMessages: { street: { id: 'records.tooLong', values: { max: 200 } }, email: { id: 'records.badEmail' } },
      },
    });
    // The form keeps each reason as it came, and words it in the language of the moment.
    const reasons = fieldErrorsFrom(error.details);
    expect(reasons).toEqual({ street: { id: 'records.tooLong', values: { max: 200 } }, email: { id: 'records.badEmail' } });
    expect(reasonTexts(reasons, 'nl')).toEqual({
      street: formatMessage(CORE_MESSAGES_NL['records.tooLong'], { max: 200 }, 'nl'),
      email: CORE_MESSAGES_NL['records.badEmail'],
    });
    expect(reasonTexts(reasons, 'en')).toEqual({ street: 'Use at most 200 characters', email: 'Not a valid e-mail address' });
    // The app's own reasons go the same way.
    expect(reasonText({ key: 'users.error.taken' }, 'nl')).toBe(translate('nl', 'users.error.taken'));
    // A reason from zod (no id) is still shown, as it came.
    expect(reasonTexts(fieldErrorsFrom({ fieldErrors: { name: ['Required'] } }), 'nl')).toEqual({ name: 'Required' });
  });
});
