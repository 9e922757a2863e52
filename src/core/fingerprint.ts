/** A short fingerprint of a row's user-editable values, kept in a hidden cell so edits are found without change events. */
export function fingerprint(values: Array<string | number | boolean | null>): string {
  const text = values.map((v) => (v === null || v === undefined ? '' : String(v).trim())).join('\u001f');
  // FNV-1a, 32 bit: enough to tell an edited row from its downloaded state.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
