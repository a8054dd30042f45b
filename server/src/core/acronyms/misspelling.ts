import type { Steps } from '../steps';
import { AnalysisCache } from '../cache';
import type { KnowledgeBase } from '../../kb/types';
import { editDistance } from './longform';
import { hashString } from '../text';
import type { AcronymLedger, AcronymRecord } from './ledger';

/** An acronym a misspelled token may have meant. */
export interface MisspellingTarget {
  acronym: string;
  expansion: string | undefined;
  /** Where the target comes from, for messages: "defined on line 12", "used in this paper", "a known framework". */
  where: string;
  distance: number;
  /** Defined or used in the paper (not only in the knowledge base). */
  inPaper: boolean;
}

/**
 * Tokens that look like misspellings of a defined or known acronym, with the nearest targets.
 * A token qualifies when the paper never defines it, the knowledge base does not know it, it is not an ordinary
 * word/unit/numeral/country code, and it is one edit (two for acronyms of six letters or more) from a target.
 * Steps: yields between acronyms.
 */
export function* misspellingSteps(ledger: AcronymLedger, kb: KnowledgeBase, lineOf: (offset: number) => number, cache: AnalysisCache = new AnalysisCache()): Steps<Map<string, MisspellingTarget[]>> {
  const targets = new Map<string, Omit<MisspellingTarget, 'distance' | 'acronym'>>();
  for (const r of ledger.records.values()) {
    const def = r.definitions.find((d) => d.fits);
    if (def) targets.set(r.acronym, { expansion: def.longForm, where: `defined on line ${lineOf(def.acronymRange.start)}`, inPaper: true });
  }
  for (const e of kb.entries) {
    if (!e.acronym || targets.has(e.acronym) || !/^[\p{Lu}\p{N}&-]+$/u.test(e.acronym)) continue;
    const usedInPaper = (ledger.records.get(e.acronym)?.uses.length ?? 0) > 0;
    targets.set(e.acronym, { expansion: e.name, where: usedInPaper ? 'used in this paper' : 'a known framework', inPaper: usedInPaper });
  }
  const out = new Map<string, MisspellingTarget[]>();
  // the index depends only on the targets' names: rebuilt when the paper's definitions change, not on every edit
  const names = [...targets.keys()];
  const index = yield* cache.memoSteps('deletion index', names.join('\n'), () => deletionIndex(names));
  // which targets are nearest a token depends on the targets' names and on which the paper uses: cached by both
  // (the targets' descriptions, with line numbers, are attached on every check)
  const near = `misspelling targets ${hashString(names.map((n) => (targets.get(n)!.inPaper ? '+' : '-') + n).join('\n'))}`;
  for (const r of ledger.records.values()) {
    if (!isCandidate(r, ledger.isOrdinary)) continue;
    yield;
    const best = cache.memo(near, r.acronym, () => nearest(r.acronym, targets, index).map((t) => ({ acronym: t.acronym, distance: t.distance }))).map(({ acronym, distance }) => ({ acronym, ...targets.get(acronym)!, distance }));
    if (!best.length) continue;
    // a token the author uses consistently for something the paper never mentions is a real acronym
    const uses = r.uses.filter((u) => !u.inName);
    if (!uses.length || (uses.length >= 3 && !best.some((t) => t.inPaper))) continue;
    out.set(r.acronym, best);
  }
  return out;
}

function isCandidate(r: AcronymRecord, isOrdinary: (a: string) => boolean): boolean {
  if (r.kb || r.definitions.length) return false;
  if (!/^[\p{Lu}\p{N}&]+$/u.test(r.acronym) || r.acronym.replace(/[^\p{Lu}]/gu, '').length < 3) return false;
  if (isOrdinary(r.acronym)) return false;
  return r.uses.some((u) => u.context !== 'shouting' && u.context !== 'references' && u.context !== 'citation');
}

/** No target is ever more than two edits away; acronyms longer than this are not indexed. */
const MAX_EDITS = 2;
const MAX_INDEXED_LENGTH = 40;

/** Every string made by deleting up to `MAX_EDITS` characters of `s` (s itself included). */
function deletions(s: string): Set<string> {
  const out = new Set<string>([s]);
  let frontier = [s];
  for (let k = 0; k < MAX_EDITS; k++) {
    const next: string[] = [];
    for (const t of frontier) {
      for (let i = 0; i < t.length; i++) {
        const v = t.slice(0, i) + t.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Targets by the strings their deletions make: two strings within two edits (insertions, deletions,
 * substitutions, swaps) of each other share a string made by at most two deletions from each, so a token is only
 * compared with the targets that share one (comparing every token with every target was quadratic in the number
 * of acronyms of a long paper).
 */
function* deletionIndex(targets: Iterable<string>): Steps<Map<string, string[]>> {
  const index = new Map<string, string[]>();
  let n = 0;
  for (const t of targets) {
    if (t.length > MAX_INDEXED_LENGTH) continue;
    if ((++n & 255) === 0) yield;
    for (const v of deletions(t)) {
      const list = index.get(v);
      if (list) list.push(t);
      else index.set(v, [t]);
    }
  }
  return index;
}

/** The targets at the smallest allowed distance. Longer acronyms tolerate more edits. */
function nearest(token: string, targets: Map<string, Omit<MisspellingTarget, 'distance' | 'acronym'>>, index: Map<string, string[]>): MisspellingTarget[] {
  let best: MisspellingTarget[] = [];
  if (token.length > MAX_INDEXED_LENGTH + MAX_EDITS) return best;
  const near = new Set<string>();
  for (const v of deletions(token)) for (const t of index.get(v) ?? []) near.add(t);
  for (const acronym of near) {
    const info = targets.get(acronym)!;
    if (acronym === token) continue;
    const len = Math.min(acronym.length, token.length);
    const max = len >= 6 ? 2 : len >= 4 || (len === 3 && info.inPaper) ? 1 : 0;
    if (max === 0) continue;
    const d = editDistance(token, acronym, max);
    if (d > max) continue;
    // a substitution in a short acronym is only a typo when the letters are neighbours on the keyboard or the
    // token repeats/drops a letter; two different 4-letter acronyms usually differ by one letter by design
    if (d === 1 && len <= 4 && token.length === acronym.length && !isTranspositionOrKeyboardSlip(token, acronym)) continue;
    // three-letter acronyms are dense (EAC, EAS, ECB…): only a swap or a doubled letter is a typo there
    if (len === 3 && token.length === acronym.length && !isTransposition(token, acronym)) continue;
    // the target plus a letter at either end is a derived acronym (UMIC from MIC, FDPR from FDP), not a typo,
    // unless the extra letter doubles its neighbour (IPEFF)
    if (isExtension(token, acronym)) continue;
    // a target known only from the knowledge base needs a typo-shaped edit: a swap, a doubled letter or a
    // neighbouring key; a missing letter there is more often a different acronym (CIPS, not CHIPS)
    if (!info.inPaper && !isTypoShaped(token, acronym)) continue;
    const target = { acronym, ...info, distance: d };
    if (!best.length || d < best[0].distance || (d === best[0].distance && info.inPaper && !best[0].inPaper)) best = [target];
    else if (d === best[0].distance && info.inPaper === best[0].inPaper) best.push(target);
  }
  return best.sort((a, b) => a.acronym.localeCompare(b.acronym));
}

const KEYBOARD = ['QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'];

function neighbours(a: string, b: string): boolean {
  for (let r = 0; r < KEYBOARD.length; r++) {
    const i = KEYBOARD[r].indexOf(a);
    if (i < 0) continue;
    for (let r2 = Math.max(0, r - 1); r2 <= Math.min(2, r + 1); r2++) {
      const j = KEYBOARD[r2].indexOf(b);
      if (j >= 0 && Math.abs(j - i) <= 1) return true;
    }
  }
  return false;
}

function isTranspositionOrKeyboardSlip(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 2) return true; // a transposition (edit distance 1 with two differing positions)
  return diff.length === 1 && neighbours(a[diff[0]], b[diff[0]]);
}

function isExtension(token: string, target: string): boolean {
  if (token.length !== target.length + 1) return false;
  if (token.startsWith(target)) return token[token.length - 1] !== target[target.length - 1];
  if (token.endsWith(target)) return token[0] !== target[0];
  return false;
}

/** A swap of neighbours, a doubled letter, a dropped doubled letter or a neighbouring-key substitution. */
function isTypoShaped(token: string, target: string): boolean {
  if (token.length === target.length) return isTranspositionOrKeyboardSlip(token, target);
  const [long, short] = token.length > target.length ? [token, target] : [target, token];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) {
      if (long[i] === long[i - 1] || long[i] === long[i + 1]) return true;
    }
  }
  return false;
}

function isTransposition(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
