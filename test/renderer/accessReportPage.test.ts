/**
 * The readable copy of an access request (renderer/src/records/accessReportPage.ts), made from a real
 * report of the core: in the reader's language, every value shown as the app shows it, and nothing
 * in the data able to act as markup.
 */
import { describe, expect, it } from 'vitest';
import type { AccessReport } from '../../shared/accessReportTypes';
import type { FieldInfo, RecordView } from '../../shared/recordTypes';
import { translate } from '../../renderer/src/i18n/translate';
import { accessReportHtml, escapeHtml } from '../../renderer/src/records/accessReportPage';
import { signedInAdmin, signInAsNewUser } from '../support/install';

function value<T>(result: { ok: boolean }): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as unknown as { value: T }).value;
}

const MARKUP = '<script>alert("hoi")</script><img src=x onerror=alert(1)>';

describe('the readable copy of an access request', () => {
  it('reads in Dutch, shows values as the app does, lists replaced and undone values and the log, and keeps markup as text', async () => {
    const t = await signedInAdmin();
    const org = value<RecordView>(await t.call('records.create', { entity: 'organisation', values: { name: 'Vlasbloem BV' } }));
    const contact = value<RecordView>(
      await t.call('records.create', { entity: 'contact', values: { first_name: 'Wilhelmina', last_name: 'Quakernaat', email: 'w@vlasbloem.example', notes: MARKUP, organisation_id: org.id } }),
    );
    value(await t.call('records.create', { entity: 'invoice', values: { number: 'F-2026-001', organisation_id: org.id, contact_id: contact.id, amount_cents: 123_456, due_on: '2026-12-31', status: 'sent' } }));
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { email: 'wq@nieuw.example' } }));
    value(await t.call('records.update', { entity: 'contact', id: contact.id, values: { phone: '+31 6 1234 5678' } }));
    value(await t.call('history.undo'));
    await signInAsNewUser(t, 'pia', 'privacy');
    const report = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }));
    const fields = value<FieldInfo[]>(await t.call('fields.list', {}));

    const html = accessReportHtml(report, fields, 'nl', (key, params) => translate('nl', key, params));
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain(`<title>Inzageverzoek: Wilhelmina Quakernaat</title>`);
    expect(html).toContain(`<h1>Wat ${escapeHtml(report.organisation)} bewaart over Wilhelmina Quakernaat</h1>`);
    // The person's values with label, purpose and legal basis in Dutch; the organisation by its name.
    expect(html).toMatch(/<td>E-mailadres<\/td><td>wq@nieuw\.example<\/td><td>[^<]+<\/td><td>Overeenkomst<\/td>/);
    expect(html).toContain('<td>Vlasbloem BV</td>');
    // Each record named as the tables of changes and of the log name it, so the reader can match them.
    expect(html).toContain(`<h2>Persoonsgegevens (Contactpersoon ${contact.id})</h2>`);
    // A linked invoice, its amount in euros as a Dutch reader writes them.
    expect(html).toMatch(/<h3>Factuur \d+: F-2026-001<\/h3>/);
    expect(html).toMatch(/<td>€\s1\.234,56<\/td>/);
    // Earlier values, kept for undo: the old address before the new.
    expect(html).toContain('<h2>Eerdere waarden</h2>');
    expect(html).toContain(`<td>Contactpersoon ${contact.id}</td><td>E-mailadres</td><td>w@vlasbloem.example</td><td>wq@nieuw.example</td>`);
    // Not the values the records were made with: they are the values now, or a later change's "before".
    const history = html.slice(html.indexOf('<h2>Eerdere waarden</h2>'), html.indexOf('<h2>Wat er met deze records'));
    expect(history.match(/<tr><td>/g)).toHaveLength(2);
    // An undone change is held while it could be redone, and says so.
    expect(history).toContain(`<td>Contactpersoon ${contact.id} (ongedaan gemaakt)</td><td>Telefoon</td><td></td><td>+31 6 1234 5678</td>`);
    // The audit log's entries, by what was done.
    expect(html).toContain('<h2>Wat er met deze records gedaan is</h2>');
    expect(html).toContain(`<td>Contactpersoon ${contact.id}</td></tr>`);
    // Markup in the data is text: no tag of it survives.
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(MARKUP));
    // The person's rights last, with where to complain.
    expect(html).toContain('<h2>Uw rechten</h2>');
    expect(html).toMatch(/Autoriteit Persoonsgegevens/);
  });

  it('says "None." where there is nothing to list, in English, and how long a person in the trash is kept', async () => {
    const t = await signedInAdmin();
    const contact = value<RecordView>(await t.call('records.create', { entity: 'contact', values: { last_name: 'Alleen' } }));
    value(await t.call('records.delete', { entity: 'contact', ids: [contact.id] }));
    await signInAsNewUser(t, 'pia', 'privacy');
    const report = value<AccessReport>(await t.call('privacy.accessReport', { entity: 'contact', id: contact.id }));
    const html = accessReportHtml(report, value<FieldInfo[]>(await t.call('fields.list', {})), 'en', (key, params) => translate('en', key, params));
    expect(html).toContain('<h2>Records about this person</h2>\n<p>None.</p>');
    expect(html).toContain(`${escapeHtml(report.organisation)} keeps the values that changes replaced for 30 days`);
    expect(html).toMatch(/Deleted on [^<]+, and kept in the trash for at most 30 days from then; after that it is deleted for good\./);
    // Only made, never changed: no earlier values to show.
    expect(html).toMatch(/<h2>Earlier values<\/h2>\n<p>[^<]+<\/p>\n<p>None\.<\/p>/);
  });
});
