import { setFlagsFromString } from 'node:v8';

/**
 * Bounds how far V8 lets the heap grow past what the last full garbage collection kept, before the next
 * one (`--heap-growing-percent`; 0 leaves V8's adaptive factor of up to 4×). A request in flight keeps
 * its rows and strings alive across young-generation collections, so under concurrent cache misses much
 * short-lived garbage is promoted; with V8's own factor the heap then grew from a ~60 MB live set to
 * ~250 MB before each full collection (RSS ~380 MB). At 50%, RSS stayed ~220–240 MB at 10 and 100
 * connections, and cold requests/s moved within the machine's noise (README, Performance).
 *
 * Set at run time because Node refuses V8 flags of this kind in NODE_OPTIONS; V8 reads this one each
 * time it sizes the heap after a full collection, so it applies from the next one.
 */
export function boundHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
