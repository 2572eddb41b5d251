/**
 * A day on this computer's calendar, as YYYY-MM-DD. "Today" for a person is their own local day:
 * just after midnight in Amsterdam, UTC still has yesterday. The renderer and the core (which runs
 * on the same computer, the install's) both ask here, so they agree on what today is. And a day as
 * a letter or a message writes it.
 */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A day as a letter writes it: "1 oktober 2026", "1 October 2026" — never the stored "2026-10-01". */
export function longDay(day: string, language: 'nl' | 'en'): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
