// A UUID made from names, not from randomness or the clock: the same names give the same UUID, so
// that a card's `uuid` is a pure function of the request that produced it (and a replayed request
// answers with the same uuids, which an audit log can match). RFC 9562 version 8, the layout for
// UUIDs of an application's own making; the 122 free bits come from a 128-bit hash of the names.

/** Four 32-bit lanes, each an FNV-1a-like hash with its own offset, mixed with the others at the end. */
const OFFSETS = [0x811c9dc5, 0x6a09e667, 0xbb67ae85, 0x3c6ef372] as const;
const PRIME = 0x01000193;

/**
 * A version 8 UUID (lowercase, RFC 9562 layout) determined by `names`: equal lists give equal
 * UUIDs, and a list is never confused with another by where its names split (each name is
 * followed by its length).
 */
export function nameUuid(names: readonly string[]): string {
  const lanes: number[] = [...OFFSETS];
  const add = (unit: number) => {
    // Stryker disable next-line EqualityOperator: equivalent, a fifth lane would be written but never read
    for (let lane = 0; lane < 4; lane++) {
      lanes[lane] = Math.imul((lanes[lane] as number) ^ (unit + lane), PRIME);
    }
  };
  for (const name of names) {
    for (let i = 0; i < name.length; i++) add(name.charCodeAt(i));
    add(0x10000 + name.length);
  }
  // Avalanche each lane with the next, so that every input unit reaches every output bit.
  const words = lanes.map((value, lane) => {
    let h = (value ^ ((lanes[(lane + 1) % 4] as number) >>> 7)) >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  });
  const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
  // Version 8 in the 13th digit; the variant bits 10 in the 17th.
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
