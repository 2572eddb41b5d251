/**
 * The reason a form shows under a field the wall refused (renderer/src/api.ts fieldErrorsFrom): the
 * core's catalogue message by id, else the schema's own words when they are a catalogue message,
 * else what the problem is (too long, too short, empty, invalid) as a catalogue message — never
 * zod's English default sentence, which no Dutch reader should get.
 */
import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom } from '../../renderer/src/api';
import { reasonText } from '../../renderer/src/i18n/translate';

describe('the reason under a refused field', () => {
  it('turns what the schema found into a catalogue message, in either language', () => {
    const reasons = fieldErrorsFrom({
      fieldErrors: {
        orgName: ['Too big: expected string to have <=200 characters'],
        password: ['Too small: expected string to have >=12 characters'],
        displayName: ['Too small: expected string to have >=1 characters'],
        role: ['Invalid option: expected one of "admin"|"office"'],
      },
      fieldProblems: { orgName: { kind: 'tooLong', max: 200 }, password: { kind: 'tooShort', min: 12 }, displayName: { kind: 'empty' }, role: { kind: 'invalid' } },
    });
    expect(reasons).toEqual({
      orgName: { id: 'records.tooLong', values: { max: 200 } },
      password: { id: 'records.tooShort', values: { min: 12 } },
      displayName: { id: 'records.required' },
      role: { id: 'records.notValid' },
    });
    expect(reasonText(reasons.orgName!, 'nl')).toBe('Gebruik hoogstens 200 tekens');
    expect(reasonText(reasons.password!, 'en')).toBe('Use at least 12 characters');
  });

  it('keeps the core’s message by id, and the schema’s own words when the catalogue has them', () => {
    const reasons = fieldErrorsFrom({
      fieldErrors: {
        email: ['Not a valid e-mail address'],
        contactEmail: ['Not a valid e-mail address'],
        adminUsername: ['Use 2–64 letters, digits, dots, dashes or underscores'],
      },
      fieldMessages: { email: { id: 'records.badEmail' } },
      fieldProblems: {
        contactEmail: { kind: 'badFormat', hint: 'Not a valid e-mail address' },
        adminUsername: { kind: 'badFormat', hint: 'Use 2–64 letters, digits, dots, dashes or underscores' },
      },
    });
    expect(reasons.email).toEqual({ id: 'records.badEmail' });
    expect(reasons.contactEmail).toBe('Not a valid e-mail address');
    expect(reasonText(reasons.contactEmail!, 'nl')).toBe('Geen geldig e-mailadres');
    // Words the catalogue does not hold would stay English in a Dutch window: the problem is said instead.
    expect(reasons.adminUsername).toEqual({ id: 'records.notValid' });
  });

  it('says a number’s or a list’s limit, the choices and the kind of value expected, in either language', () => {
    const reasons = fieldErrorsFrom({
      fieldErrors: { days: ['Too small'], threshold: ['Too big'], id: ['Too small'], items: ['Too big'], mode: ['Invalid option'], name: ['Invalid input'], limit: ['Invalid input'] },
      fieldProblems: {
        days: { kind: 'tooSmall', min: 1, inclusive: true },
        threshold: { kind: 'tooLarge', max: 1_000, inclusive: true },
        id: { kind: 'tooSmall', min: 0, inclusive: false },
        items: { kind: 'tooMany', max: 1_000 },
        mode: { kind: 'notAnOption', options: ['trash', 'purge'] },
        name: { kind: 'wrongType', expected: 'string' },
        limit: { kind: 'wrongType', expected: 'object' },
      },
    });
    expect(reasons).toEqual({
      days: { id: 'records.atLeast', values: { min: 1 } },
      threshold: { id: 'records.atMost', values: { max: 1_000 } },
      id: { id: 'records.moreThan', values: { min: 0 } },
      items: { id: 'records.tooMany', values: { max: 1_000 } },
      mode: { id: 'records.chooseOption', values: { options: 'trash, purge' } },
      name: { id: 'records.expectedText' },
      limit: { id: 'records.notValid' },
    });
    expect(reasonText(reasons.threshold!, 'en')).toBe('Use 1000 or less');
    expect(reasonText(reasons.threshold!, 'nl')).toBe('Gebruik 1000 of minder');
    expect(reasonText(reasons.id!, 'nl')).toBe('Gebruik meer dan 0');
    expect(reasonText(reasons.items!, 'nl')).toBe('Kies er hoogstens 1000');
  });

  it('takes nothing from a shape it does not know', () => {
    expect(fieldErrorsFrom({ fieldErrors: 'no' })).toEqual({});
    expect(fieldErrorsFrom(null)).toEqual({});
    expect(fieldErrorsFrom({ fieldErrors: { name: [42] }, fieldProblems: { name: { kind: 'tooLong' } } })).toEqual({});
  });
});
