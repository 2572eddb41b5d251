/**
 * A small, fast, seedable random source for demo data: sfc32 (Chris Doty-Humphrey's Small Fast
 * Chaotic generator), its state filled from the seed by splitmix32. The same seed gives the same
 * sequence on every machine, so `seed --seed S` always writes the same records. Not for secrets.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix32 = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32();
    for (let i = 0; i < 16; i++) this.uint32();
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  float(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** A whole number in [low, high], both included. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }

  /** `digits` decimal digits, leading zeros kept. */
  digits(digits: number): string {
    let text = '';
    for (let i = 0; i < digits; i++) text += String.fromCharCode(48 + this.int(10));
    return text;
  }
}

/** Picks from a list by weight in O(log n): build once, draw often. */
export class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    if (this.items.length === 0) throw new Error('Weighted needs at least one entry with a positive weight.');
    this.total = sum;
  }

  draw(random: Random): T {
    const target = random.float() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low] as T;
  }
}
