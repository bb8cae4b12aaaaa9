/** How customer ids are compared across sheets: trimmed and case-folded ("2024001 " = "2024001"). */
export function idKey(id: string): string {
  // Most ids are already clean (digits): return them as they are, allocating nothing.
  const n = id.length;
  if (n === 0) return id;
  let clean = id.charCodeAt(0) > 32 && id.charCodeAt(n - 1) > 32;
  for (let i = 0; clean && i < n; i++) {
    const c = id.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) clean = false;
  }
  return clean ? id : id.trim().toLowerCase();
}
