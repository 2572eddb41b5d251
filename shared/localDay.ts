/**
 * A day on this computer's calendar, as YYYY-MM-DD. "Today" for a person is their own local day:
 * just after midnight in Amsterdam, UTC still has yesterday. The renderer and the core (which runs
 * on the same computer, the install's) both ask here, so they agree on what today is.
 */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
