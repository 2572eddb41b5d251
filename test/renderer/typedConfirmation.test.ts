/**
 * The typed step of a deletion (renderer/src/history/typedConfirmation): the number or the name as
 * asked, with spaces around it, runs of white space inside it and a number's digit grouping
 * forgiven, and nothing else.
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

  it('counts any run of white space inside the name as one space, in what is typed and in what is asked', () => {
    // The label shows "Type Bakker & Zn to confirm": the browser collapses the name's double spaces.
    for (const typed of ['Bakker & Zn', 'Bakker  &  Zn', ' Bakker &\tZn ', 'Bakker\u00a0&\u202fZn']) {
      expect(typedConfirms(typed, 'Bakker  &  Zn', 'name'), JSON.stringify(typed)).toBe(true);
    }
    // A name from a spreadsheet, with no-break spaces and a tab, typed with plain spaces.
    expect(typedConfirms('Jan de Vries', 'Jan\u00a0de\u202fVries', 'name')).toBe(true);
    expect(typedConfirms('Jan de Vries', 'Jan\t de  Vries', 'name')).toBe(true);
    expect(typedConfirms('Olga  Opruimen', 'Olga Opruimen', 'name')).toBe(true);
  });

  it('refuses another case, a part of the name, or spaces where the name has none', () => {
    for (const typed of ['olga opruimen', 'Olga', 'Opruimen', 'Olga Opruime', 'OlgaOpruimen', 'Ol ga Opruimen']) expect(typedConfirms(typed, 'Olga Opruimen', 'name'), typed).toBe(false);
    for (const typed of ['Bakker&Zn', 'bakker & zn', 'Bakker &', 'Bakker & Zn.']) expect(typedConfirms(typed, 'Bakker  &  Zn', 'name'), typed).toBe(false);
  });

  it('takes a name that looks like a number as it is', () => {
    expect(typedConfirms('1000', '1000', 'name')).toBe(true);
    expect(typedConfirms('1.000', '1000', 'name')).toBe(false);
  });
});
