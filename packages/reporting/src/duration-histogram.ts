/**
 * Durations counted on a fixed grid, so that a year of waits adds up from daily counts: every 15 s up to
 * 10 minutes, every minute up to an hour, every 5 minutes up to 4 hours, every 30 minutes up to 12 hours,
 * and one bucket beyond. Bucket i holds the durations in (edge[i-1], edge[i]]; bucket 0 holds exactly 0.
 */
export const BUCKET_EDGES_S: readonly number[] = (() => {
  const edges = [0];
  const step = (to: number, by: number) => {
    for (let s = (edges.at(-1) ?? 0) + by; s <= to; s += by) edges.push(s);
  };
  step(600, 15);
  step(3600, 60);
  step(4 * 3600, 300);
  step(12 * 3600, 1800);
  edges.push(Number.POSITIVE_INFINITY);
  return edges;
})();

export const BUCKETS = BUCKET_EDGES_S.length;

export function bucketOf(seconds: number): number {
  // Binary search for the first edge ≥ seconds.
  let lo = 0;
  let hi = BUCKETS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((BUCKET_EDGES_S[mid] ?? 0) >= seconds) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Counts per bucket. */
export type Histogram = Uint32Array;

export function emptyHistogram(): Histogram {
  return new Uint32Array(BUCKETS);
}

export function addTo(target: Histogram, source: Histogram): void {
  for (let i = 0; i < BUCKETS; i++) target[i] = (target[i] ?? 0) + (source[i] ?? 0);
}

/**
 * The p-th percentile (0 < p ≤ 100) by nearest rank — the smallest duration that at least p % of the values
 * do not exceed — read on the grid: the upper edge of the bucket holding that value (so a value on the grid
 * is exact). Null for no values; the open last bucket reads as the last finite edge.
 */
export function percentile(h: Histogram, p: number): number | null {
  let total = 0;
  for (let i = 0; i < BUCKETS; i++) total += h[i] ?? 0;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < BUCKETS; i++) {
    seen += h[i] ?? 0;
    if (seen >= rank) {
      const edge = BUCKET_EDGES_S[i] ?? 0;
      return Number.isFinite(edge) ? edge : (BUCKET_EDGES_S[BUCKETS - 2] ?? 0);
    }
  }
  return null;
}

/** Stored as pairs (bucket, count) of the non-empty buckets, little-endian uint32: a day's few buckets. */
export function encodeHistogram(h: Histogram): Uint8Array {
  const pairs: number[] = [];
  for (let i = 0; i < BUCKETS; i++) if ((h[i] ?? 0) > 0) pairs.push(i, h[i] ?? 0);
  const out = new Uint8Array(pairs.length * 4);
  const view = new DataView(out.buffer);
  pairs.forEach((v, i) => view.setUint32(i * 4, v, true));
  return out;
}

export function addEncoded(target: Histogram, bytes: Uint8Array | null | undefined): void {
  if (!bytes || bytes.byteLength === 0) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let o = 0; o + 8 <= bytes.byteLength; o += 8) {
    const i = view.getUint32(o, true);
    if (i < BUCKETS) target[i] = (target[i] ?? 0) + view.getUint32(o + 4, true);
  }
}
