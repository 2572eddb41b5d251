/**
 * An amount typed into a money field is read in the reader's language, or refused — never read as
 * a thousand times what was meant (renderer/src/format.ts).
 */
import { describe, expect, it } from 'vitest';
import { moneyInputValue, parseMoney, parseWholeNumber, readMoney } from '../../renderer/src/format';

describe('parseMoney', () => {
  it('reads Dutch amounts: a decimal comma, dots that group thousands', () => {
    const read = (text: string) => parseMoney(text, 'nl');
    expect(['1234', '1234,5', '1.234,50', '€ 1.234,56', '12.345', '1.234.567,89', '-5', ',5', '12.50', '12.5'].map(read)).toEqual([
      123400, 123450, 123450, 123456, 1234500, 123456789, -500, 50, 1250, 1250,
    ]);
  });

  it('reads whole euros as Dutch writes a price: "25,-"', () => {
    expect(['€ 1.250,-', '25,-', '25,\u2013', '-5,-', '25.-'].map((text) => parseMoney(text, 'nl'))).toEqual([125000, 2500, 2500, -500, 2500]);
    // The mark before the dash says which one groups, in either language.
    expect(['25,-', '1.250,-', '1,250.-'].map((text) => parseMoney(text, 'en'))).toEqual([2500, 125000, 125000]);
    for (const text of [',-', '25,-5', '25-']) expect(parseMoney(text, 'nl'), text).toBeNull();
  });

  it('reads English amounts: a decimal point, commas that group thousands', () => {
    const read = (text: string) => parseMoney(text, 'en');
    expect(['1234', '1234.5', '1,234.50', '€1,234.56', '12,345', '-5', '12,50'].map(read)).toEqual([123400, 123450, 123450, 123456, 1234500, -500, 1250]);
  });

  it('refuses more than two decimals, misplaced separators and what is no amount', () => {
    for (const text of ['9,995', '0,001', '0.001', '0.010', '1,2,3', '12,345,6', '1.23.4', '5,', 'abc', '1,5,00', '12.34,5']) expect(parseMoney(text, 'nl'), text).toBeNull();
    for (const text of ['1.234', '0.001', '0,001', '0,010', '1.2.3', '1,23,456', '5.', 'abc']) expect(parseMoney(text, 'en'), text).toBeNull();
  });

  it('reads back what the form shows for editing', () => {
    for (const cents of [0, 5, 1250, 123456, -98765]) {
      expect(parseMoney(moneyInputValue(cents, 'nl'), 'nl')).toBe(cents);
      expect(parseMoney(moneyInputValue(cents, 'en'), 'en')).toBe(cents);
    }
  });
});

describe('parseWholeNumber', () => {
  it('reads whole numbers with thousands grouped as the reader groups them, as the import reads a Dutch file', () => {
    expect(['12345', '12.345', '1.250', '1 250', '-3', '+7', '1.234.567'].map((text) => parseWholeNumber(text, 'nl'))).toEqual([12345, 12345, 1250, 1250, -3, 7, 1234567]);
    expect(['12345', '12,345', '1,250', '-3'].map((text) => parseWholeNumber(text, 'en'))).toEqual([12345, 12345, 1250, -3]);
  });

  it('refuses a decimal, a misplaced group and a grouping of the other language, rather than guess', () => {
    expect(['12,5', '1.25', '1.2345', '0.123', '12.345,6', '1,250', 'twaalf', '', '99999999999999999'].map((text) => parseWholeNumber(text, 'nl'))).toEqual(Array(9).fill(null));
    expect(['12.5', '1.250', '1,25', '0,123'].map((text) => parseWholeNumber(text, 'en'))).toEqual(Array(4).fill(null));
  });
});

describe('readMoney', () => {
  it('tells an amount too large to count in cents from one written wrong', () => {
    expect(readMoney('99999999999999', 'nl')).toEqual({ problem: 'tooLarge' });
    expect(readMoney('12,345', 'nl')).toEqual({ problem: 'invalid' });
    expect(readMoney('1.234,50', 'nl')).toEqual({ cents: 123450 });
  });
});
