/**
 * Statements about a framework's membership that the knowledge base can check:
 *
 * - a member count: "the 16-member RCEP", "the 16 RCEP parties", "RCEP's 15 members", "the 27 members of the EU",
 *   "RCEP, with 15 members", "the Quad (four members)";
 * - a member list in parentheses right after the name: "the Quad (the U.S., Japan and Australia)";
 * - a count of members two frameworks share: "seven of ASEAN's members joined IPEF", "the 11 countries in RCEP"
 *   (with one other framework in the sentence).
 *
 * Counts that describe a subset ("nine ASEAN members", "the five founding members", "the 10 ASEAN members that
 * joined") are not claims about the whole membership and are left alone.
 */
import type { Tok } from './tokens';
import type { Entity } from './entities';
import type { KbEntry } from '../../kb/types';
import { wordValue } from './lexicon';
import { canonicalCountry } from './countries';
import { MEMBERSHIP_HISTORY, membershipsOverTime } from './membership';

export type MemberClaimKind = 'count' | 'list' | 'overlap';

export interface MemberClaim {
  kind: MemberClaimKind;
  entry: KbEntry;
  /** The other framework of an overlap. */
  other?: KbEntry;
  /** The framework's name as the paper writes it ("Five Eyes alliance", "RCEP"). */
  nameText?: string;
  /** Stated count (count, overlap). */
  count?: number;
  /** Token range of the count (count, overlap) or of the list inside the parentheses (list). */
  t0: number;
  t1: number;
  /** Token of the number itself (count, overlap). */
  numberTok?: number;
  /** Stated members, canonical (list). */
  members?: string[];
  /** The list says "including", "e.g."… (list). */
  partial?: boolean;
}

const MEMBER_NOUNS = /^(members|countries|nations|states|parties|signatories|economies|partners|participants|governments)$/;
const COMPOUND = /^(\w+)[-‐](member|nation|country|party|economy|state|strong)$/i;
const RESTRICTIVE_AFTER = /^(that|which|who|whose|in|with|outside|involved|participating|to|from|at|on|other|also|not|whose|present|attending|represented|surveyed)$/;
const HAS_VERBS = [['has'], ['had'], ['have'], ['comprises'], ['comprised'], ['consists', 'of'], ['consisted', 'of'], ['brings', 'together'], ['brought', 'together'], ['groups'], ['unites'], ['counts'], ['is', 'made', 'up', 'of'], ['includes', 'all'], ['with'], ['with', 'its']];
const PARTIAL_WORDS = /^(including|includes|e\.g|e\.g\.|such|among|etc|others|notably|like)$/;

/** A count written in digits or words, 2–999. */
function countValue(t: Tok | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === 'num') return /^\d{1,3}$/.test(t.text) ? Number(t.text) : undefined;
  if (t.kind !== 'word') return undefined;
  const v = wordValue(t.norm);
  return v !== undefined && v >= 2 ? v : undefined;
}

function memberNounAt(toks: Tok[], k: number): number | undefined {
  const t = toks[k];
  if (!t) return undefined;
  if (t.norm === 'member' && MEMBER_NOUNS.test(toks[k + 1]?.norm ?? '')) return k + 2;
  if (t.norm === 'members' || MEMBER_NOUNS.test(t.norm)) return k + 1;
  return undefined;
}

const checkable = (e: Entity | undefined): e is Entity & { entry: KbEntry } => !!e?.entry && e.entry.id in MEMBERSHIP_HISTORY;

export function findMemberClaims(toks: Tok[], entities: Entity[]): MemberClaim[] {
  const out: MemberClaim[] = [];
  const frameworks = entities.filter((e) => e.kind === 'framework' && e.entry);
  if (!frameworks.length) return out;
  const allStarts = new Set(entities.map((e) => e.t0));
  const starts = new Map(frameworks.map((e) => [e.t0, e]));
  const ends = new Map(frameworks.map((e) => [e.t1, e]));
  const startingAt = (k: number) => starts.get(k);
  const endingAt = (k: number) => ends.get(k);
  // "the 10 ASEAN members that …", "the three RCEP members Japan, China and Korea", "… members: A, B": a subset
  const afterOk = (k: number) => {
    const t = toks[k];
    if (!t) return true;
    if (RESTRICTIVE_AFTER.test(t.norm) || t.text === ':' || t.text === '(' || t.text === '—') return false;
    return !(allStarts.has(k) || (toks[k].norm === 'the' && allStarts.has(k + 1)));
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // "the 16-member RCEP", "a fifteen-nation RCEP"
    const compound = t.kind === 'word' ? COMPOUND.exec(t.text) : undefined;
    if (compound || (t.kind === 'num' && toks[i + 1]?.text === '-' && toks[i + 1].start === t.end && /^(member|nation|country|party|economy|state|strong)$/i.test(toks[i + 2]?.text ?? ''))) {
      const n = compound ? (wordValue(compound[1]) ?? (/^\d+$/.test(compound[1]) ? Number(compound[1]) : undefined)) : Number(t.text);
      const next = compound ? i + 1 : i + 3;
      const f = startingAt(next) ?? (toks[next]?.text === '"' || toks[next]?.text === '“' ? startingAt(next + 1) : undefined);
      if (n !== undefined && n >= 2 && checkable(f) && !/^(negotiations?|talks|process|negotiating)$/.test(toks[f.t1]?.norm ?? '')) {
        out.push({ kind: 'count', entry: f.entry, nameText: f.text, count: n, t0: i, t1: f.t1, numberTok: i });
      }
      continue;
    }
    const n = countValue(t);
    if (n === undefined) continue;
    if (toks[i + 1]?.text === '-' || toks[i + 1]?.text === '%') continue;
    const prev = toks[i - 1];
    // "the 16 RCEP parties", "all ten ASEAN member states", "RCEP's 15 members"
    const f = startingAt(i + 1);
    if (f && checkable(f) && prev && /^(the|all)$/.test(prev.norm) && !f.possessive) {
      const end = memberNounAt(toks, f.t1);
      if (end && afterOk(end)) {
        out.push({ kind: 'count', entry: f.entry, nameText: f.text, count: n, t0: i, t1: end, numberTok: i });
        continue;
      }
    }
    const pf = prev ? endingAt(i) : undefined;
    if (pf && pf.possessive && checkable(pf)) {
      const end = memberNounAt(toks, i + 1);
      if (end && afterOk(end)) {
        out.push({ kind: 'count', entry: pf.entry, nameText: pf.text, count: n, t0: i, t1: end, numberTok: i });
        continue;
      }
    }
    // "the 27 members of the EU"
    if (prev && /^(the|all)$/.test(prev.norm)) {
      const end = memberNounAt(toks, i + 1);
      if (end && toks[end]?.norm === 'of') {
        const k = toks[end + 1]?.norm === 'the' ? end + 2 : end + 1;
        const g = startingAt(k);
        if (checkable(g) && afterOk(g.t1)) {
          out.push({ kind: 'count', entry: g.entry, nameText: g.text, count: n, t0: i, t1: g.t1, numberTok: i });
          continue;
        }
      }
    }
    // "RCEP, with 15 members", "RCEP comprises 15 countries", "the Quad (four members)"
    {
      const end = memberNounAt(toks, i + 1);
      if (end && afterOk(end)) {
        let k = i;
        let verb: string[] | undefined;
        for (const v of HAS_VERBS) if (v.every((w, m) => toks[k - v.length + m]?.norm === w) && (!verb || v.length > verb.length)) verb = v;
        if (verb) k -= verb.length;
        else if (prev?.text === '(' && toks[end]?.text === ')') k = i - 1;
        else k = -1;
        if (k >= 0) {
          if (toks[k - 1]?.text === ',') k--;
          const g = endingAt(k);
          if (checkable(g) && (verb || prev?.text === '(')) {
            out.push({ kind: 'count', entry: g.entry, nameText: g.text, count: n, t0: i, t1: end, numberTok: i });
            continue;
          }
        }
      }
    }
    // overlaps: "seven of its members joined IPEF", "N of ASEAN's members", "the 11 countries in RCEP"
    const overlap = overlapAt(toks, i, frameworks, startingAt, endingAt);
    if (overlap) out.push({ kind: 'overlap', ...overlap, count: n, numberTok: i });
  }
  // member lists in parentheses: "the Quad (U.S., Japan, India, and Australia)"
  const entityStarts = new Map(entities.map((e) => [e.t0, e]));
  for (const f of frameworks) {
    if (!checkable(f)) continue;
    let k = f.t1;
    if (/^["”’']$/.test(toks[k]?.text ?? '')) k++;
    if (toks[k]?.text !== '(') continue;
    let close = -1;
    for (let m = k + 1; m < Math.min(toks.length, k + 60); m++) {
      if (toks[m].text === '(' ) break;
      if (toks[m].text === ')') {
        close = m;
        break;
      }
    }
    if (close < 0) continue;
    const inner = new Map<number, Entity>();
    for (let m = k + 1; m < close; m++) {
      const e = entityStarts.get(m);
      if (e && e.t1 <= close) inner.set(m, e);
    }
    let partial = false;
    let ok = inner.size >= 2;
    // everything that is not a country must be a separator or "the"
    let m = k + 1;
    const members: string[] = [];
    while (ok && m < close) {
      const tk = toks[m];
      const e = inner.get(m);
      if (e) {
        const c = e.kind === 'country' ? e.id.slice(8) : undefined;
        if (!c) ok = false;
        else members.push(c);
        m = e.t1;
        continue;
      }
      if (tk.text === ',' || tk.text === ';' || /^(and|the|or)$/.test(tk.norm)) m++;
      else if (PARTIAL_WORDS.test(tk.norm) || tk.text === '…' || tk.text === '.') {
        partial = true;
        m++;
      } else ok = false;
    }
    if (ok && members.length >= 2) out.push({ kind: 'list', entry: f.entry, nameText: f.text, t0: k + 1, t1: close, members, partial });
  }
  return out;
}

function overlapAt(toks: Tok[], i: number, frameworks: Entity[], startingAt: (k: number) => Entity | undefined, endingAt: (k: number) => Entity | undefined): { entry: KbEntry; other: KbEntry; t0: number; t1: number } | undefined {
  // "N of F's members …", "N of its members …"
  let f1: Entity | undefined;
  let end = -1;
  if (toks[i + 1]?.norm === 'of') {
    const g = startingAt(i + 2);
    if (g?.possessive) {
      const e = memberNounAt(toks, g.t1);
      if (e) {
        f1 = g;
        end = e;
      }
    } else if (toks[i + 2]?.norm === 'its' || toks[i + 2]?.norm === 'their') {
      const e = memberNounAt(toks, i + 3);
      if (e) {
        for (let k = i; k >= Math.max(0, i - 40) && !f1; k--) f1 = endingAt(k);
        end = e;
      }
    }
    if (!f1) return undefined;
    // the other framework: after the phrase, joined by a verb of membership
    let f2: Entity | undefined;
    for (let k = end; k <= end + 4 && !f2; k++) {
      const x = startingAt(k);
      if (x && x.entry!.id !== f1.entry!.id) f2 = x;
    }
    if (!f2 || !/^(joined|join|are|were|is|belong|belonged|signed|participate|participated|also|have|had|became)$/.test(toks[end]?.norm ?? '')) return undefined;
    if (!(f1.entry!.id in MEMBERSHIP_HISTORY) || !(f2.entry!.id in MEMBERSHIP_HISTORY)) return undefined;
    return { entry: f1.entry!, other: f2.entry!, t0: i, t1: end };
  }
  // "the 11 countries in RCEP" with exactly one other framework in the sentence
  if (toks[i - 1]?.norm === 'the') {
    const e = memberNounAt(toks, i + 1);
    if (e && (toks[e]?.norm === 'in' || toks[e]?.norm === 'of')) {
      const g = startingAt(toks[e + 1]?.norm === 'the' ? e + 2 : e + 1);
      if (!g || !(g.entry!.id in MEMBERSHIP_HISTORY)) return undefined;
      if (frameworks.length > 8) return undefined;
      const others = new Map(frameworks.filter((x) => x.entry!.id !== g.entry!.id).map((x) => [x.entry!.id, x]));
      if (others.size !== 1) return undefined;
      const o = [...others.values()][0];
      if (!(o.entry!.id in MEMBERSHIP_HISTORY)) return undefined;
      // "including the 11 countries in RCEP": the sentence must speak of the other framework's members
      if (!toks.slice(Math.max(0, i - 40), i).some((t) => /^(includ\w*|overlap\w*|members?|countries)$/.test(t.norm))) return undefined;
      return { entry: g.entry!, other: o.entry!, t0: i, t1: g.t1 };
    }
  }
  return undefined;
}

/**
 * Every member count an entry has had (undefined when the entry has no recorded history); with `negotiations`,
 * also the count of the parties to its negotiations.
 */
export function validCounts(entry: KbEntry, negotiations = false): Set<number> | undefined {
  const h = MEMBERSHIP_HISTORY[entry.id];
  if (!h) return undefined;
  const counts = new Set(memberships(entry)!.map((s) => s.size));
  if (negotiations && h.negotiating?.length) for (const n of [...counts]) counts.add(n + h.negotiating.length);
  return counts;
}

const NEGOTIATIONS = /\b(negotiat\w*|talks|launched|proposed|round)\b/i;

/** True when a sentence speaks of negotiations (counts of negotiating parties are then fine). */
export function aboutNegotiations(sentence: string): boolean {
  return NEGOTIATIONS.test(sentence);
}

/** Every membership (canonical country names) an entry has had. */
export function memberships(entry: KbEntry): Set<string>[] | undefined {
  const h = MEMBERSHIP_HISTORY[entry.id];
  if (!h) return undefined;
  let m = membershipCache.get(entry);
  if (!m) membershipCache.set(entry, (m = membershipsOverTime(entry.members, h).map((s) => new Set([...s].map((x) => canonicalCountry(x) ?? x)))));
  return m;
}

const membershipCache = new WeakMap<KbEntry, Set<string>[]>();
