/**
 * Myers' O((N+M)·D) shortest edit script between two sequences. Common
 * prefix and suffix are trimmed first, which is most of a typical revision.
 */
export type Edit<T> = { kind: 'same' | 'added' | 'removed'; item: T };

export function diffSequences<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean = Object.is): Edit<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equal(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const head: Edit<T>[] = a.slice(0, start).map((item) => ({ kind: 'same', item }));
  const tail: Edit<T>[] = a.slice(endA).map((item) => ({ kind: 'same', item }));
  return [...head, ...myers(a.slice(start, endA), b.slice(start, endB), equal), ...tail];
}

function myers<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Edit<T>[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((item) => ({ kind: 'added', item }));
  if (m === 0) return a.map((item) => ({ kind: 'removed', item }));
  const max = n + m;
  const offset = max;
  let v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && equal(a[x]!, b[y]!)) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        v = next;
        break outer;
      }
    }
    v = next;
  }
  // Walk the trace back from (n, m) to (0, 0).
  const edits: Edit<T>[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push({ kind: 'same', item: a[--x]! });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) edits.push({ kind: 'added', item: b[--y]! });
    else edits.push({ kind: 'removed', item: a[--x]! });
  }
  return edits.reverse();
}
