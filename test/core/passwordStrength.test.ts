/**
 * The password check's reasons (electron/core/auth/passwordStrength): the install's own words — the
 * organisation's name, the user's name — count as guessable word by word, whatever their case or
 * accents, and a refusal says each thing once.
 */
import { describe, expect, it } from 'vitest';
import { assertStrongPassword, guessableInputs, withoutNames } from '../../electron/core/auth/passwordStrength';
import { KluisError } from '../../electron/core/errors';
import { coreErrorText } from '../../renderer/src/i18n/core';

const ORGANISATION = 'Bakkerij Müller & Zn.';

/** The refusal of a password, or null when it is accepted. */
async function refusal(password: string, context: string[]): Promise<KluisError | null> {
  try {
    await assertStrongPassword(password, context, 'password');
    return null;
  } catch (error) {
    if (error instanceof KluisError) return error;
    throw error;
  }
}

describe('the organisation’s and the user’s names in a password', () => {
  it('gives zxcvbn each word of the names, also in lower case and without accents', () => {
    const inputs = guessableInputs([ORGANISATION, 'marieke.jansen', '']);
    expect(inputs).toEqual(expect.arrayContaining([ORGANISATION, 'bakkerij', 'Müller', 'müller', 'muller', 'mueller', 'zn', 'marieke.jansen', 'marieke', 'jansen']));
    expect(inputs).not.toContain('');
  });

  it('takes the names’ words out of the password, whatever their case or accents', () => {
    expect(withoutNames('Bakkerij Müller 2026', [ORGANISATION])).toBe('  2026');
    expect(withoutNames('BAKKERIJ-mueller-2026', [ORGANISATION])).toBe('--2026');
    expect(withoutNames('zeven-zeeën-zouten-zalm', [ORGANISATION, 'marieke.jansen'])).toBeNull();
  });

  it.each(['Bakkerij Müller 2026', 'bakkerij muller 2026', 'MuellerBakkerij2026!', 'Müller & Zn. Bakkerij'])(
    'refuses %s for Bakkerij Müller & Zn., and says why in both languages',
    async (password) => {
      const error = await refusal(password, [ORGANISATION, 'admin']);
      expect(error?.toApiError()).toMatchObject({ code: 'VALIDATION', messageId: 'access.passwordTooGuessable', details: { fieldErrors: { password: [expect.any(String)] } } });
      expect(error?.message).toMatch(/^This password is too easy to guess\. Words from the name of the organisation or the user are easy to guess\. \S/);
      expect(coreErrorText(error!.toApiError(), 'nl')).toMatch(/^Dit wachtwoord is te makkelijk te raden\. Woorden uit de naam van de organisatie of de gebruiker zijn makkelijk te raden\. \S/);
    },
  );

  it('accepts the same password for another organisation, and a strong one that also holds a name', async () => {
    expect(await refusal('Bakkerij Müller 2026', ['Houtzagerij Veldkamp', 'admin'])).toBeNull();
    expect(await refusal('Bakkerij-lantern-harbour-oatmeal-vivid', [ORGANISATION, 'admin'])).toBeNull();
    expect(await refusal('pia-bewaakt-de-gegevens-zorgvuldig', [ORGANISATION, 'pia.privacy', 'Pia de Wit'])).toBeNull();
  });

  it('refuses the username with a year', async () => {
    const error = await refusal('marieke.jansen.2026', ['Bakkerij Van den Berg BV', 'marieke.jansen']);
    expect(error?.messageId).toBe('access.passwordTooGuessable');
  });
});

describe('a refusal', () => {
  it('says once that the password is too easy to guess when zxcvbn names no reason', async () => {
    const error = await refusal('dragonfly1234', [ORGANISATION, 'admin']);
    expect(error?.messageId).toBe('access.passwordTooGuessableHintOnly');
    expect(error?.message).toBe('This password is too easy to guess. Add more words that are less common.');
    expect(coreErrorText(error!.toApiError(), 'nl')).toBe('Dit wachtwoord is te makkelijk te raden. Voeg meer woorden toe die minder gewoon zijn.');
  });

  it('names zxcvbn’s reason when it has one', async () => {
    const error = await refusal('password1234', [ORGANISATION, 'admin']);
    expect(error?.message).toBe('This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.');
  });
});

describe('a long password', () => {
  it('is judged by its first 100 characters: a weak beginning is refused however long, a strong one accepted', async () => {
    // 1,024 characters: the longest the wall takes. Judged whole, these took 20–30 s each.
    const digits = '1234567890'.repeat(103).slice(0, 1024);
    expect((await refusal(digits, ['Bakkerij Jansen', 'anna']))?.messageId).toMatch(/^access\.passwordTooGuessable/);
    const strong = `zeven-zeeen-zouten-zalm-op-dinsdag-${'x'.repeat(989)}`;
    expect(await refusal(strong, ['Bakkerij Jansen', 'anna'])).toBeNull();
  });
});
