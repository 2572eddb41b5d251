/** Lower case without accents: "Müller" and "muller" sort and compare the same. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().trim();
}
