/**
 * The typed step of a deletion (renderer/src/history/typedConfirmation): the number or the name as
 * asked, with spaces around it and a number's digit grouping forgiven, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { typedConfirms } from '../../renderer/src/history/typedConfirmation';

describe('typing the number of records to delete', () => {
  it('accepts the number, also with spaces around it', () => {
    for (const typed of ['15', ' 15 ', '\t15\u00a0', '\u200915\u202f']) expect(typedConfirms(typed, '15', 'count'), JSON.stringify(typed)).toBe(true);
  });

  it('accepts a large number with the digit grouping of either language', () => {
    for (const typed of ['1000', '1.000', '1,000', '1 000', '1\u00a0000', '1\u202f000', ' 1.000 ']) expect(typedConfirms(typed, '1000', 'count'), JSON.stringify(typed)).toBe(true);
    expect(typedConfirms('1.234.567', '1234567', 'count')).toBe(true);
  });

  it('refuses another number, a wrongly grouped one, or more than the number', () => {
    for (const typed of ['', '14', '150', '1 5', '015', '15.', '15 records', '1,5']) expect(typedConfirms(typed, '15', 'count'), JSON.stringify(typed)).toBe(false);
    for (const typed of ['10.00', '1.00.0', '1.000,000', '1,000.000', '1.0000', '01.000']) expect(typedConfirms(typed, '1000', 'count'), JSON.stringify(typed)).toBe(false);
  });
});

describe('typing the name of the record to delete', () => {
  it('accepts the exact name, also with spaces around it', () => {
    expect(typedConfirms('Olga Opruimen', 'Olga Opruimen', 'name')).toBe(true);
    expect(typedConfirms('  Olga Opruimen\u00a0', 'Olga Opruimen', 'name')).toBe(true);
  });

  it('refuses another case, a part of the name, or other spaces inside it', () => {
    for (const typed of ['olga opruimen', 'Olga', 'Olga  Opruimen', 'OlgaOpruimen']) expect(typedConfirms(typed, 'Olga Opruimen', 'name'), typed).toBe(false);
  });

  it('takes a name that looks like a number as it is', () => {
    expect(typedConfirms('1000', '1000', 'name')).toBe(true);
    expect(typedConfirms('1.000', '1000', 'name')).toBe(false);
  });
});
