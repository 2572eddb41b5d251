/**
 * What goes along with a deletion (renderer/src/history/ImpactSummary, movesAlongText): the verb
 * agrees with the count in both languages — "1 activity goes", "2 activities go" — and a list of
 * several kinds takes the plural.
 */
import { describe, expect, it } from 'vitest';
import type { DeleteMode, EntityCount } from '../../shared/historyTypes';
import { movesAlongText } from '../../renderer/src/history/ImpactSummary';
import { translate, type Language, type Translate } from '../../renderer/src/i18n/translate';

function text(mode: DeleteMode, moves: EntityCount[], language: Language): string {
  const t: Translate = (key, params) => translate(language, key, params);
  return movesAlongText(mode, moves, t, language);
}

const ONE: EntityCount[] = [{ entity: 'activity', count: 1 }];
const TWO: EntityCount[] = [{ entity: 'activity', count: 2 }];
const MIXED: EntityCount[] = [
  { entity: 'activity', count: 1 },
  { entity: 'consent', count: 1 },
];

describe('what goes along with a deletion', () => {
  it('says "goes" for one record and "go" for more, in English', () => {
    expect(text('trash', ONE, 'en')).toBe('Its own 1 activity goes to the trash with it, and comes back with it.');
    expect(text('trash', TWO, 'en')).toBe('Its own 2 activities go to the trash with it, and come back with it.');
    expect(text('trash', MIXED, 'en')).toBe('Its own 1 activity and 1 consent go to the trash with it, and come back with it.');
    expect(text('purge', ONE, 'en')).toBe('Its own 1 activity is deleted with it.');
    expect(text('purge', TWO, 'en')).toBe('Its own 2 activities are deleted with it.');
    expect(text('erase', ONE, 'en')).toBe('Its own 1 activity is erased with it.');
    expect(text('erase', TWO, 'en')).toBe('Its own 2 activities are erased with it.');
  });

  it('says "gaat" for one record and "gaan" for more, in Dutch', () => {
    expect(text('trash', ONE, 'nl')).toBe('De 1 activiteit die erbij hoort gaat mee naar de prullenbak, en komt mee terug.');
    expect(text('trash', TWO, 'nl')).toBe('De 2 activiteiten die erbij horen gaan mee naar de prullenbak, en komen mee terug.');
    expect(text('trash', MIXED, 'nl')).toBe('De 1 activiteit en 1 toestemming die erbij horen gaan mee naar de prullenbak, en komen mee terug.');
    expect(text('purge', ONE, 'nl')).toBe('De 1 activiteit die erbij hoort wordt ook verwijderd.');
    expect(text('purge', TWO, 'nl')).toBe('De 2 activiteiten die erbij horen worden ook verwijderd.');
    expect(text('erase', ONE, 'nl')).toBe('De 1 activiteit die erbij hoort wordt ook gewist.');
    expect(text('erase', TWO, 'nl')).toBe('De 2 activiteiten die erbij horen worden ook gewist.');
  });
});
