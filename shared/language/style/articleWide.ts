/**
 * Checks that compare the whole article: a number written two ways (“2,500” and “2500”) and a name
 * spelled two ways (“Smirnov” and “Smirnoff”). Both group what the paragraphs collected by a key
 * (the digits; a sound-alike code of the name) and compare only inside a group, so the work grows
 * with the article, not with its square.
 *
 * Names, decided: two capitalized words are one name spelled two ways when they sound alike (same
 * Soundex code, so the same first letter), differ by one edit (two for names of seven letters or
 * more), neither is a common capitalized word or is also written small in the article (“Then” and
 * “Them”), and they are not told apart by first names: “John Smith” and “Jane Smyth” are two people,
 * while “Smith … Smyth” with no first names, or with the same one, is flagged. The form written more
 * often (the earlier on a tie) is taken as right; the others are marked, with it as the fix.
 */
import { builtinRuleId, type Hit, type NameToken, type NumberToken } from './builtins';

const count = <T>(items: readonly T[], key: (t: T) => string) => {
  const out = new Map<string, { n: number; firstAt: number }>();
  items.forEach((item, i) => {
    const k = key(item);
    const c = out.get(k);
    if (c) c.n++;
    else out.set(k, { n: 1, firstAt: i });
  });
  return out;
};

/** The form written most often, the earliest on a tie. */
const dominant = (forms: Map<string, { n: number; firstAt: number }>) =>
  [...forms.entries()].sort((a, b) => b[1].n - a[1].n || a[1].firstAt - b[1].firstAt)[0]![0];

/** A year (1000–2099) is written without a separator; “1,999 people” and “in 1999” are not one number written two ways. */
const maybeYear = (written: string) => /^(1\d{3}|20\d{2})$/.test(written);

export function numberForms<T extends NumberToken>(tokens: readonly T[]): { token: T; hit: Omit<Hit, 'start' | 'end'> }[] {
  const byValue = new Map<string, T[]>();
  for (const t of tokens) {
    const list = byValue.get(t.value);
    if (list) list.push(t);
    else byValue.set(t.value, [t]);
  }
  const out: { token: T; hit: Omit<Hit, 'start' | 'end'> }[] = [];
  for (const list of byValue.values()) {
    const forms = count(list, (t) => t.written);
    if (forms.size < 2 || [...forms.keys()].some(maybeYear)) continue;
    const right = dominant(forms);
    for (const t of list) {
      if (t.written === right) continue;
      out.push({
        token: t,
        hit: {
          message: `This number is written “${right}” elsewhere in the article: write it one way.`,
          severity: 'warning',
          fixes: [right],
          ruleId: builtinRuleId('number-forms'),
        },
      });
    }
  }
  return out;
}

const SOUNDEX: Record<string, string> = {};
for (const [digit, letters] of Object.entries({ 1: 'bfpv', 2: 'cgjkqsxz', 3: 'dt', 4: 'l', 5: 'mn', 6: 'r' })) for (const l of letters) SOUNDEX[l] = digit;

export function soundex(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  if (!s) return '';
  let code = s[0]!.toUpperCase();
  let last = SOUNDEX[s[0]!] ?? '';
  for (const c of s.slice(1)) {
    const d = SOUNDEX[c] ?? '';
    if (d && d !== last) code += d;
    // h and w do not separate two equal codes; vowels do.
    if (c !== 'h' && c !== 'w') last = d;
    if (code.length === 4) break;
  }
  return code.padEnd(4, '0');
}

/** Damerau–Levenshtein (optimal string alignment), stopping early once past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Capitalized words common enough to look like names of each other (“June” and “Jane”, “These” and “Those”). */
const NOT_NAMES = new Set(
  (
    'january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'this that these those they them then there their when where what which while with from into over under after before about also each every ' +
    'some more most many much such than very just only even still here have were will would could should said says since until'
  ).split(' '),
);

export function nameForms<T extends NameToken>(
  tokens: readonly T[],
  writtenSmall: (lower: string) => boolean,
): { token: T; hit: Omit<Hit, 'start' | 'end'> }[] {
  const byForm = new Map<string, T[]>();
  for (const t of tokens) {
    if (NOT_NAMES.has(t.name.toLowerCase())) continue;
    const list = byForm.get(t.name);
    if (list) list.push(t);
    else byForm.set(t.name, [t]);
  }
  // A name is capitalized in the middle of a sentence at least once.
  const forms = [...byForm.entries()].filter(([, list]) => list.some((t) => !t.atStart));
  const bySound = new Map<string, string[]>();
  for (const [form] of forms) {
    const key = soundex(form);
    const group = bySound.get(key);
    if (group) group.push(form);
    else bySound.set(key, [form]);
  }
  const out: { token: T; hit: Omit<Hit, 'start' | 'end'> }[] = [];
  for (const group of bySound.values()) {
    if (group.length < 2 || group.length > 12) continue; // A dozen sound-alikes is a list of different names.
    const firstNames = (form: string) => new Set(byForm.get(form)!.flatMap((t) => (t.first ? [t.first] : [])));
    const related = new Set<string>();
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        const max = Math.min(a.length, b.length) >= 7 ? 2 : 1;
        if (editDistance(a.toLowerCase(), b.toLowerCase(), max) > max) continue;
        const fa = firstNames(a);
        const fb = firstNames(b);
        if (fa.size > 0 && fb.size > 0 && ![...fa].some((f) => fb.has(f))) continue; // Two people.
        related.add(a).add(b);
      }
    }
    const suspects = [...related].filter((form) => !writtenSmall(form.toLowerCase()));
    if (suspects.length < 2) continue;
    const suspect = new Set(suspects);
    const all = tokens.filter((t) => suspect.has(t.name)); // In article order, for the tie.
    const right = dominant(count(all, (t) => t.name));
    const n = byForm.get(right)!.length;
    for (const t of all) {
      if (t.name === right) continue;
      out.push({
        token: t,
        hit: {
          message: `“${t.name}” is spelled “${right}” ${n === 1 ? 'once' : `${n} times`} in this article: check which is right.`,
          severity: 'warning',
          fixes: [right],
          ruleId: builtinRuleId('name-forms'),
        },
      });
    }
  }
  return out;
}
