/**
 * Demo records, one at a time, into reusable row objects: no database here, only the random source,
 * so the same seed gives the same organisations, people, deals, activities and invoices in the same
 * order on any install. What each record links to (ids, owners) is the writer's business.
 */
import type { ACTIVITY_TYPES, DEAL_STAGES, INVOICE_STATUSES } from '../../../../shared/registry';
import { fold } from '../fold';
import type { Row } from '../rows';
import {
  ACTIVITY_BODIES,
  ACTIVITY_SUBJECTS,
  COINED_HEADS,
  COINED_KINDS,
  COINED_TAILS,
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  CONTACT_NOTES,
  DEAL_PRODUCTS,
  DEAL_SUFFIXES,
  HOUSE_NAMES_FR,
  HOUSE_NAMES_NL,
  JOB_TITLES_FR,
  JOB_TITLES_NL,
  JOB_TITLES_VL,
  LEGAL_FR,
  LEGAL_NL,
  LEGAL_VL,
  LEGAL_WORDS,
  ORGANISATION_NOTES,
  REGIONS_NL,
  REGIONS_VL,
  TRADES_FR,
  TRADES_NL,
  TRADES_VL,
  type Trade,
} from './business';
import { capitalFirst, FIRST_NAMES_FR, FIRST_NAMES_NL, FIRST_NAMES_VL, SURNAMES_FR, SURNAMES_NL, SURNAMES_VL } from './names';
import { CITIES, POSTCODE_LETTERS, STREETS_FR, STREETS_NL, STREETS_VL, type City } from './places';
import { Random, Weighted } from './prng';

/** Nl (Netherlands), vl (Flanders, Dutch-speaking Brussels) or fr (Wallonia, French-speaking Brussels). */
type Region = 'nl' | 'vl' | 'fr';

interface RegionData {
  trades: readonly Trade[];
  houseNames: readonly string[];
  regions: readonly string[];
  legal: Weighted<string>;
  streets: readonly string[];
  firstNames: Weighted<string>;
  surnames: Weighted<string>;
  jobTitles: Weighted<string>;
  tld: string;
}

/** What the records of one organisation share; one object, refilled for every organisation. */
export interface OrganisationFacts {
  region: Region;
  city: City;
  domain: string;
  /** E-mail addresses handed out at this organisation, so two Jan Jansens get different ones. */
  emails: Set<string>;
}

/** Days before and after the reference day that dates may fall on. */
const PAST_DAYS = 1200;
const FUTURE_DAYS = 400;

const ACTIVITY_KIND = new Weighted<(typeof ACTIVITY_TYPES)[number]>([
  ['call', 35],
  ['meeting', 20],
  ['task', 30],
  ['note', 15],
]);
const DEAL_STAGE = new Weighted<(typeof DEAL_STAGES)[number]>([
  ['lead', 25],
  ['qualified', 20],
  ['proposal', 20],
  ['negotiation', 10],
  ['won', 15],
  ['lost', 10],
]);
const POSTCODE_LETTER_LIST = POSTCODE_LETTERS.split('');
const NOT_IN_POSTCODES = new Set(['SA', 'SD', 'SS']);
const HOUSE_NUMBER_SUFFIXES = ['a', 'b', 'c', 'A', '-1', '-2', ' bus 3'];
const ORGANISATION_MAILBOXES_NL = ['info', 'info', 'info', 'contact', 'administratie', 'hallo', 'verkoop'];
const ORGANISATION_MAILBOXES_FR = ['info', 'info', 'contact', 'administration', 'bonjour'];

/** "Van den Berg Installatietechniek BV" → "vandenberginstallatietechniek" (no legal form, no accents; fold spells ø, æ, ß … as o, ae, ss). */
export function slug(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '');
}

function withoutLegalForm(name: string): string[] {
  return name.split(' ').filter((word) => word !== '' && !LEGAL_WORDS.has(word.toLowerCase()));
}

function join(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

export class DemoData {
  private readonly random: Random;
  private readonly days: string[] = [];
  private readonly cities: Weighted<City>;
  private readonly regions: Record<Region, RegionData>;
  private readonly domains = new Map<string, number>();
  /** slug() of first and last names, which repeat all the time. */
  private readonly nameSlugs = new Map<string, string>();
  /** The year of the reference day, for invoice numbers such as 2026-000123. */
  readonly year: number;
  readonly facts: OrganisationFacts;

  constructor(seed: number, now: Date) {
    this.random = new Random(seed);
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    for (let offset = -PAST_DAYS; offset <= FUTURE_DAYS; offset++) {
      this.days.push(new Date(today + offset * 86_400_000).toISOString().slice(0, 10));
    }
    this.year = now.getUTCFullYear();
    this.cities = new Weighted(CITIES.map((city) => [city, city.weight] as const));
    const region = (
      trades: readonly Trade[],
      houseNames: readonly string[],
      regions: readonly string[],
      legal: readonly (readonly [string, number])[],
      streets: readonly string[],
      firstNames: readonly (readonly [string, number])[],
      surnames: readonly (readonly [string, number])[],
      jobTitles: readonly (readonly [string, number])[],
      tld: string,
    ): RegionData => ({
      trades,
      houseNames,
      regions,
      legal: new Weighted(legal),
      streets,
      firstNames: new Weighted(firstNames),
      surnames: new Weighted(surnames),
      jobTitles: new Weighted(jobTitles),
      tld,
    });
    this.regions = {
      nl: region(TRADES_NL, HOUSE_NAMES_NL, REGIONS_NL, LEGAL_NL, STREETS_NL, FIRST_NAMES_NL, SURNAMES_NL, JOB_TITLES_NL, 'nl'),
      vl: region(TRADES_VL, HOUSE_NAMES_NL, REGIONS_VL, LEGAL_VL, STREETS_VL, FIRST_NAMES_VL, SURNAMES_VL, JOB_TITLES_VL, 'be'),
      fr: region(TRADES_FR, HOUSE_NAMES_FR, REGIONS_VL, LEGAL_FR, STREETS_FR, FIRST_NAMES_FR, SURNAMES_FR, JOB_TITLES_FR, 'be'),
    };
    this.facts = { region: 'nl', city: CITIES[0] as City, domain: '', emails: new Set() };
  }

  /** The date `offset` days from the reference day, as YYYY-MM-DD. */
  day(offset: number): string {
    const clamped = Math.max(-PAST_DAYS, Math.min(FUTURE_DAYS, offset));
    return this.days[clamped + PAST_DAYS] as string;
  }

  // ---- how many ------------------------------------------------------------------------------

  /** Mostly small firms, a few large ones: about 8 on average. */
  contactsPerOrganisation(): number {
    return Math.min(60, 1 + Math.floor(-Math.log(1 - this.random.float()) * 7));
  }

  /** About 0.5. */
  dealsPerOrganisation(): number {
    const r = this.random.float();
    return r < 0.6 ? 0 : r < 0.9 ? 1 : 2;
  }

  /** About 2. */
  activitiesPerContact(): number {
    const r = this.random.float();
    return r < 0.1 ? 0 : r < 0.35 ? 1 : r < 0.65 ? 2 : r < 0.9 ? 3 : 4;
  }

  /** About 0.3. */
  invoicesPerOrganisation(): number {
    const r = this.random.float();
    return r < 0.75 ? 0 : r < 0.95 ? 1 : 2;
  }

  /** About 1 in 5 contacts gave a consent. */
  hasConsent(): boolean {
    return this.random.chance(0.2);
  }

  /** Index of one of `n` things (a contact of the organisation, one of its deals). */
  index(n: number): number {
    return this.random.int(n);
  }

  chance(p: number): boolean {
    return this.random.chance(p);
  }

  // ---- organisations -------------------------------------------------------------------------

  /** The name, and the industry when the name says another one than the trade (coined names). */
  private organisationName(data: RegionData, region: Region, trade: Trade): [string, string] {
    const r = this.random;
    const legal = data.legal.draw(r);
    const surname = (): string => capitalFirst(data.surnames.draw(r));
    const style = r.float();
    const industry = trade.industry;
    if (region === 'fr') {
      if (style < 0.45) return [join(trade.prefix, r.pick(data.houseNames), legal), industry];
      if (style < 0.85) return [join(trade.prefix, surname(), legal), industry];
      return [join(surname(), '& Fils', legal), industry];
    }
    if (style < 0.3) return [join(trade.prefix, r.pick(data.houseNames), legal), industry];
    if (style < 0.62) return [join(surname(), trade.suffix, legal), industry];
    if (style < 0.76) return [join(trade.prefix, surname(), legal), industry];
    if (style < 0.84) return [join(r.pick(data.regions), trade.suffix, legal), industry];
    if (style < 0.95) {
      const [kind, coinedIndustry] = r.pick(COINED_KINDS);
      return [join(`${r.pick(COINED_HEADS)}${r.pick(COINED_TAILS)}`, kind, legal), coinedIndustry];
    }
    return [join(`${surname()} & ${surname()}`, trade.suffix), industry];
  }

  private domainFor(name: string, city: City, tld: string): string {
    const words = withoutLegalForm(name);
    let base = slug(words.join(''));
    if (base.length > 28 && words.length > 1) base = slug(words.slice(1).join(''));
    if (base.length > 28) base = base.slice(0, 28);
    let domain = `${base}.${tld}`;
    const seen = this.domains.get(domain) ?? 0;
    this.domains.set(domain, seen + 1);
    if (seen > 0) {
      const alternative = seen === 1 ? `${base}-${slug(city.name)}.${tld}` : `${base}${seen}.${tld}`;
      domain = alternative;
    }
    return domain;
  }

  private postalCode(city: City): string {
    const r = this.random;
    if (city.country === 'BE') return String(r.pick(city.postal));
    const digits = r.between(city.postal[0] as number, city.postal[1] as number);
    let letters: string;
    do letters = r.pick(POSTCODE_LETTER_LIST) + r.pick(POSTCODE_LETTER_LIST);
    while (NOT_IN_POSTCODES.has(letters));
    return `${digits} ${letters}`;
  }

  private street(data: RegionData): string {
    const r = this.random;
    const number = r.chance(0.7) ? r.between(1, 120) : r.between(121, 450);
    return `${r.pick(data.streets)} ${number}${r.chance(0.08) ? r.pick(HOUSE_NUMBER_SUFFIXES) : ''}`;
  }

  /** A landline in the city: "+31 20 123 4567", "+32 9 123 45 67". */
  private landline(city: City): string {
    const r = this.random;
    if (city.country === 'NL') {
      const rest = 9 - city.area.length;
      const subscriber = String(r.between(2, 9)) + r.digits(rest - 1);
      return `+31 ${city.area} ${subscriber.slice(0, 3)} ${subscriber.slice(3)}`;
    }
    const rest = 8 - city.area.length;
    const subscriber = String(r.between(2, 9)) + r.digits(rest - 1);
    return rest === 7
      ? `+32 ${city.area} ${subscriber.slice(0, 3)} ${subscriber.slice(3, 5)} ${subscriber.slice(5)}`
      : `+32 ${city.area} ${subscriber.slice(0, 2)} ${subscriber.slice(2, 4)} ${subscriber.slice(4)}`;
  }

  /** "+31 6 1234 5678", "+32 478 12 34 56". */
  private mobile(city: City): string {
    const r = this.random;
    if (city.country === 'NL') return `+31 6 ${r.between(1, 9)}${r.digits(3)} ${r.digits(4)}`;
    return `+32 4${r.between(60, 99)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`;
  }

  /** KvK number (8 digits) or Belgian enterprise number with its mod-97 check ("0123.456.749"), and the VAT number. */
  private registration(city: City): [string, string] {
    const r = this.random;
    if (city.country === 'NL') {
      const kvk = String(r.between(10_000_000, 99_999_999));
      // Nine digits that pass the eleven test (weights 9..2, and -1 for the last digit).
      for (;;) {
        let digits = String(r.between(1, 9));
        let sum = Number(digits) * 9;
        for (let weight = 8; weight >= 2; weight--) {
          const digit = r.int(10);
          digits += digit;
          sum += digit * weight;
        }
        const check = sum % 11;
        if (check === 10) continue;
        return [kvk, `NL${digits}${check}B0${r.chance(0.95) ? 1 : 2}`];
      }
    }
    const base = r.between(2_000_000, 9_999_999);
    const check = 97 - (base % 97);
    const number = `0${base}${String(check).padStart(2, '0')}`;
    return [`${number.slice(0, 4)}.${number.slice(4, 7)}.${number.slice(7)}`, `BE${number}`];
  }

  /** Fills the organisation's fields and `facts`, which its contacts and deals use. */
  organisation(row: Row): OrganisationFacts {
    const r = this.random;
    const city = this.cities.draw(r);
    const region: Region = city.country === 'NL' ? 'nl' : city.language === 'fr' ? 'fr' : 'vl';
    const data = this.regions[region];
    const [name, industry] = this.organisationName(data, region, r.pick(data.trades));
    const domain = this.domainFor(name, city, data.tld);
    const [registration, vat] = this.registration(city);
    row.name = name;
    row.registration_number = registration;
    row.vat_number = r.chance(0.9) ? vat : null;
    row.website = r.chance(0.85) ? `https://www.${domain}` : null;
    row.phone = r.chance(0.9) ? this.landline(city) : null;
    row.email = r.chance(0.8) ? `${r.pick(region === 'fr' ? ORGANISATION_MAILBOXES_FR : ORGANISATION_MAILBOXES_NL)}@${domain}` : null;
    row.street = this.street(data);
    row.postal_code = this.postalCode(city);
    row.city = city.name;
    row.country = city.country;
    row.industry = r.chance(0.9) ? industry : null;
    row.notes = r.chance(0.15) ? r.pick(ORGANISATION_NOTES) : null;
    const facts = this.facts;
    facts.region = region;
    facts.city = city;
    facts.domain = domain;
    facts.emails.clear();
    return facts;
  }

  // ---- contacts ------------------------------------------------------------------------------

  private nameSlug(name: string): string {
    let cached = this.nameSlugs.get(name);
    if (cached === undefined) {
      cached = slug(name);
      this.nameSlugs.set(name, cached);
    }
    return cached;
  }

  private email(first: string, last: string, facts: OrganisationFacts): string {
    const r = this.random;
    const f = this.nameSlug(first);
    const l = this.nameSlug(last);
    const style = r.float();
    const local = style < 0.6 ? `${f}.${l}` : style < 0.8 ? `${f.charAt(0)}.${l}` : style < 0.9 ? `${f}${l}` : f;
    let address = `${local}@${facts.domain}`;
    for (let n = 2; facts.emails.has(address); n++) address = `${local}${n}@${facts.domain}`;
    facts.emails.add(address);
    return address;
  }

  contact(row: Row, facts: OrganisationFacts): void {
    const r = this.random;
    // Brussels and the language border mix; the Netherlands has Flemish and Walloon colleagues too.
    const mixed = r.float();
    const nameRegion: Region = mixed < 0.9 ? facts.region : facts.region === 'fr' ? 'vl' : mixed < 0.95 ? 'vl' : 'fr';
    const data = this.regions[nameRegion];
    const first = data.firstNames.draw(r);
    const last = data.surnames.draw(r);
    const language = r.float();
    row.first_name = first;
    row.last_name = last;
    row.job_title = r.chance(0.9) ? this.regions[facts.region].jobTitles.draw(r) : null;
    row.email = r.chance(0.92) ? this.email(first, last, facts) : null;
    row.phone = r.chance(0.7) ? (r.chance(0.75) ? this.mobile(facts.city) : this.landline(facts.city)) : null;
    row.preferred_language =
      facts.region === 'fr'
        ? language < 0.85 ? 'fr' : language < 0.93 ? 'nl' : 'en'
        : language < 0.88 ? 'nl' : language < 0.96 ? 'en' : facts.region === 'vl' ? 'fr' : 'en';
    // Special data (DESIGN §6): demo data never holds a date of birth.
    row.birth_date = null;
    row.notes = r.chance(0.08) ? r.pick(CONTACT_NOTES) : null;
  }

  // ---- deals, activities, invoices, consents ---------------------------------------------------

  deal(row: Row): void {
    const r = this.random;
    const stage = DEAL_STAGE.draw(r);
    const euros = Math.exp(Math.log(500) + r.float() * (Math.log(150_000) - Math.log(500)));
    row.title = `${r.pick(DEAL_PRODUCTS)}${r.pick(DEAL_SUFFIXES)}`;
    row.stage = stage;
    row.value_cents = Math.max(1, Math.round(euros / 50)) * 50 * 100;
    row.expected_close = stage === 'won' || stage === 'lost' ? this.day(-r.between(1, 365)) : r.chance(0.85) ? this.day(r.between(7, 180)) : null;
    row.notes = r.chance(0.15) ? r.pick(ACTIVITY_BODIES) : null;
  }

  activity(row: Row): void {
    const r = this.random;
    const kind = ACTIVITY_KIND.draw(r);
    const offset = kind === 'note' ? -r.between(0, 200) : r.between(-120, 45);
    row.kind = kind;
    row.subject = r.pick(ACTIVITY_SUBJECTS[kind]);
    row.body = r.chance(kind === 'note' ? 0.9 : kind === 'task' ? 0.2 : 0.45) ? r.pick(ACTIVITY_BODIES) : null;
    row.due_at = this.day(offset);
    row.done = kind === 'note' ? 1 : offset < 0 ? (r.chance(0.85) ? 1 : 0) : r.chance(0.03) ? 1 : 0;
  }

  invoice(row: Row, number: string): void {
    const r = this.random;
    const offset = r.between(-120, 30);
    let status: (typeof INVOICE_STATUSES)[number];
    if (offset >= 0) status = r.chance(0.25) ? 'draft' : 'sent';
    else status = r.chance(0.72) ? 'paid' : 'overdue';
    row.number = number;
    row.amount_cents = r.between(15_000, 2_500_000);
    row.due_on = this.day(offset);
    row.status = status;
    // Sent out 30 days before it is due (a common term); a draft has not gone out.
    row.issued_on = status === 'draft' ? null : this.day(offset - 30);
    row.reminder_sent_at = status === 'overdue' && r.chance(0.5) ? this.day(Math.min(0, offset + r.between(7, 21))) : null;
  }

  consent(row: Row): void {
    const r = this.random;
    const given = -r.between(1, 900);
    row.purpose = r.pick(CONSENT_PURPOSES);
    row.source = r.pick(CONSENT_SOURCES);
    row.given_at = this.day(given);
    const withdrawn = given + r.between(30, 400);
    row.withdrawn_at = r.chance(0.1) && withdrawn <= 0 ? this.day(withdrawn) : null;
  }
}
