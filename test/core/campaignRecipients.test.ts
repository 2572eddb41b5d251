/**
 * Whom a campaign may go to: people with a standing consent of the purpose it names, less who
 * objected to direct marketing, whose processing is restricted, and whom the channel cannot reach.
 * Counted for the page; handed out as a file only once published, by Marketing, after a fresh code.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry, CampaignRecipients } from '../../shared/apiTypes';
import { localDay } from '../../shared/localDay';
import type { RecordView } from '../../shared/recordTypes';
import { confirmStep, signedInAdmin, signInAsNewUser, switchToAdmin, switchToUser, type Installed } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

function errorOf(result: { ok: boolean }): { code: string; messageId?: string } {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return (result as unknown as { error: { code: string; messageId?: string } }).error;
}

const today = localDay();

async function create(t: Installed, entity: string, values: Record<string, unknown>): Promise<number> {
  return value<RecordView>(await t.call('records.create', { entity, values })).id;
}

/** Eight people, each with one reason to be in or out of a "Nieuwsbrief" campaign. */
async function people(t: Installed) {
  const bakery = await create(t, 'organisation', { name: 'Bakkerij Zoet', street: 'Dorpsstraat 1', postal_code: '1234 AB', city: 'Utrecht' });
  const noAddress = await create(t, 'organisation', { name: 'Zonder Adres' });
  const person = async (first: string, values: Record<string, unknown>, purpose?: string) => {
    const id = await create(t, 'contact', { first_name: first, last_name: 'Jansen', ...values });
    const consent = purpose ? await create(t, 'consent', { contact_id: id, purpose, source: 'Website form', given_at: today }) : null;
    return { id, consent };
  };
  return {
    anna: await person('Anna', { email: 'anna@example.nl', organisation_id: bakery, preferred_language: 'nl' }, 'Nieuwsbrief'),
    // Another spelling of the same purpose: compared as people read it.
    bert: await person('Bert', { email: 'bert@example.nl', organisation_id: noAddress }, ' nieuwsbrief'),
    cor: await person('Cor', { email: 'cor@example.nl', marketing_objection_on: today }, 'Nieuwsbrief'),
    dirk: await person('Dirk', { email: 'dirk@example.nl' }, 'Nieuwsbrief'),
    eva: await person('Eva', {}, 'Nieuwsbrief'),
    fleur: await person('Fleur', { email: 'fleur@example.nl' }, 'Nieuwsbrief'),
    gijs: await person('Gijs', { email: 'gijs@example.nl' }, 'Events'),
    hans: await person('Hans', { email: 'hans@example.nl' }),
  };
}

describe('a campaign’s recipients', () => {
  it('are the people whose consent stands, less objections, restrictions and the unreachable; their file leaves only once published', async () => {
    const t = await signedInAdmin();
    const p = await people(t);

    // The privacy officer records Fleur's withdrawal and restricts Dirk's processing.
    await signInAsNewUser(t, 'pia', 'privacy');
    value(await t.call('consents.recordWithdrawal', { entity: 'consent', id: p.fleur.consent }));
    value(await t.call('privacy.restrict', { entity: 'contact', id: p.dirk.id, ground: 'accuracyContested' }));
    await switchToAdmin(t);

    const mark = await signInAsNewUser(t, 'mark', 'marketing');
    const campaign = await create(t, 'campaign', { name: 'Lente', channel: 'email', message: 'Twee broden voor één', consent_purpose: 'NIEUWSBRIEF' });
    const counted = value<CampaignRecipients>(await t.call('campaigns.recipients', { entity: 'campaign', id: campaign }));
    expect(counted).toEqual({
      channel: 'email',
      purpose: 'NIEUWSBRIEF',
      addressed: true,
      recipients: 2,
      leftOut: { restricted: 1, objected: 1, unreachable: 1, withdrawn: 1 },
      purposes: [],
    });
    // The form suggests the purposes people consented to, most people first, spellings as one.
    expect(value(await t.call('consents.purposes', { entity: 'consent' }))).toEqual([
      { purpose: 'Nieuwsbrief', people: 5 },
      { purpose: 'Events', people: 1 },
    ]);
    // A purpose that finds no one lists those people did consent to, to find the one it meant.
    const misspelled = await create(t, 'campaign', { name: 'Typo', channel: 'email', message: 'x', consent_purpose: 'Nieuwsbrieff' });
    expect(value<CampaignRecipients>(await t.call('campaigns.recipients', { entity: 'campaign', id: misspelled }))).toMatchObject({
      recipients: 0,
      purposes: [
        { purpose: 'Nieuwsbrief', people: 5 },
        { purpose: 'Events', people: 1 },
      ],
    });
    // Published, it would be fixed, reaching no one.
    expect(errorOf(await t.call('campaigns.publish', { id: misspelled }))).toMatchObject({ code: 'VALIDATION', messageId: 'access.campaignReachesNoOne' });

    // Before publishing, nothing leaves.
    await confirmStep(t, mark.secret);
    expect(errorOf(await t.call('campaigns.exportRecipients', { entity: 'campaign', id: campaign })).messageId).toBe('records.recipientsBeforePublishing');
    value(await t.call('campaigns.publish', { id: campaign }));
    const file = value<{ fileName: string; csv: string; count: number }>(await t.call('campaigns.exportRecipients', { entity: 'campaign', id: campaign, language: 'nl' }));
    expect(file.count).toBe(2);
    expect(file.fileName).toBe(`kluis-campagne-${campaign}-ontvangers-${today}.csv`);
    expect(file.csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Voornaam;Achternaam;E-mailadres;Voorkeurstaal',
      'Anna;Jansen;anna@example.nl;Nederlands',
      'Bert;Jansen;bert@example.nl;',
      '',
    ]);

    // By post: only Anna's organisation has an address.
    const letter = await create(t, 'campaign', { name: 'Brief', channel: 'post', message: 'Beste klant', consent_purpose: 'Nieuwsbrief' });
    expect(value<CampaignRecipients>(await t.call('campaigns.recipients', { entity: 'campaign', id: letter }))).toMatchObject({ recipients: 1, leftOut: { restricted: 1, objected: 1, unreachable: 2 } });
    value(await t.call('campaigns.publish', { id: letter }));
    const letters = value<{ csv: string }>(await t.call('campaigns.exportRecipients', { entity: 'campaign', id: letter, language: 'en' }));
    expect(letters.csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, 2)).toEqual([
      'First name,Last name,Organisation,Street and number,Postal code,City,Country,Preferred language',
      'Anna,Jansen,Bakkerij Zoet,Dorpsstraat 1,1234 AB,Utrecht,,Dutch',
    ]);

    // A social media post goes to no one.
    const post = await create(t, 'campaign', { name: 'Post', channel: 'social', message: 'Kijk eens' });
    expect(value<CampaignRecipients>(await t.call('campaigns.recipients', { entity: 'campaign', id: post }))).toMatchObject({ addressed: false, recipients: 0 });
    value(await t.call('campaigns.publish', { id: post }));
    expect(errorOf(await t.call('campaigns.exportRecipients', { entity: 'campaign', id: post })).messageId).toBe('records.recipientsNotAddressed');

    // A publication whose list was saved since stays: the campaign may have gone out. One whose
    // list was not saved (the social media post) is undone as any change.
    value(await t.call('history.undo'));
    value(await t.call('history.undo'));
    expect(errorOf(await t.call('history.undo'))).toMatchObject({ code: 'CONFLICT', messageId: 'history.campaignSent' });
    expect(value<{ record: RecordView }>(await t.call('records.get', { entity: 'campaign', id: letter })).record.values.status).toBe('published');

    // The exports are audited with their count, never a name.
    await switchToAdmin(t);
    const entries = value<AuditEntry[]>(await t.call('audit.list', { limit: 20 })).filter((e) => e.action === 'marketing.recipientsExported');
    expect(entries.map((e) => [e.target, e.details])).toEqual([
      [`campaign:${letter}`, { count: 1 }],
      [`campaign:${campaign}`, { count: 2 }],
    ]);
    await switchToUser(t, 'mark', mark.secret);
  });

  it('an addressed campaign is not published without the consent it relies on', async () => {
    const t = await signedInAdmin();
    await signInAsNewUser(t, 'mark', 'marketing');
    const campaign = await create(t, 'campaign', { name: 'Zomer', channel: 'email', message: 'Zon' });
    const refused = errorOf(await t.call('campaigns.publish', { id: campaign }));
    expect(refused.messageId).toBe('access.campaignWithoutConsent');
    const unnamed = value<CampaignRecipients>(await t.call('campaigns.recipients', { entity: 'campaign', id: campaign }));
    expect(unnamed).toMatchObject({ purpose: null, recipients: 0 });
  });

  it('says which field a channel needs when it is switched off', async () => {
    const t = await signedInAdmin();
    value(await t.call('fields.setEnabled', { entity: 'organisation', field: 'city', enabled: false, confirmValueCount: 0 }));
    await signInAsNewUser(t, 'mark', 'marketing');
    const letter = await create(t, 'campaign', { name: 'Brief', channel: 'post', message: 'Beste klant', consent_purpose: 'Nieuwsbrief' });
    expect(errorOf(await t.call('campaigns.recipients', { entity: 'campaign', id: letter }))).toMatchObject({ code: 'CONFLICT', messageId: 'records.recipientsFieldOff' });
    // By e-mail, the city is not needed.
    const mail = await create(t, 'campaign', { name: 'Mail', channel: 'email', message: 'Beste klant', consent_purpose: 'Nieuwsbrief' });
    expect(value<CampaignRecipients>(await t.call('campaigns.recipients', { entity: 'campaign', id: mail })).recipients).toBe(0);
  });

  it('needs the law’s fields: who may not read an objection is not handed a list', async () => {
    const t = await signedInAdmin();
    await signInAsNewUser(t, 'mark', 'marketing', { overrides: [{ right: 'field:contact.marketing_objection_on', effect: 'deny' }] });
    const campaign = await create(t, 'campaign', { name: 'Herfst', channel: 'email', message: 'Blad', consent_purpose: 'Nieuwsbrief' });
    const refused = errorOf(await t.call('campaigns.recipients', { entity: 'campaign', id: campaign }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.messageId).toBe('records.recipientsNeedField');
  });
});
