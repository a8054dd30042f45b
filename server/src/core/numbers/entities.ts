/**
 * Named subjects of figures in a run of tokens: countries (with their adjectives: "Japanese" → Japan), vague
 * regions, and the knowledge base's frameworks and institutions (by acronym, name or alias). Matching walks the
 * tokens once and looks names up by their first word, so it stays linear in the text.
 */
import type { KbEntry, KnowledgeBase } from '../../kb/types';
import { canonicalCountry, placeNames } from './countries';
import { tokenize, type Tok } from './tokens';

export interface Entity {
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  /** "country:Japan", "region:Asia", "kb:rcep". */
  id: string;
  kind: 'country' | 'region' | 'framework';
  /** The name as written. */
  text: string;
  /** The entity's last token carries a possessive ("Japan’s"). */
  possessive: boolean;
  entry?: KbEntry;
}

interface Name {
  words: string[];
  id: string;
  kind: Entity['kind'];
  entry?: KbEntry;
  caseSensitive: boolean;
}

export interface EntityIndex {
  find(toks: Tok[]): Entity[];
  /** Member countries of an entity ("country:Japan" → {Japan}); undefined when not known (regions, bodies without a list). */
  members(id: string): Set<string> | undefined;
  /** How an entity is written in messages. */
  display(id: string): string;
}

const key = (t: Tok, caseSensitive: boolean) => {
  const base = t.possessive ? t.text.replace(/(?:['’]s|['’])$/, '') : t.text.replace(/['’]$/, '');
  return caseSensitive ? base : base.toLowerCase();
};

const cache = new WeakMap<KnowledgeBase, EntityIndex>();

export function entityIndex(kb: KnowledgeBase): EntityIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const byFirst = new Map<string, Name[]>();
  const add = (name: string, id: string, kind: Entity['kind'], caseSensitive: boolean, entry?: KbEntry) => {
    const toks = tokenize(name).filter((t) => t.kind !== 'punct' || t.text === ',' || t.text === '&');
    if (!toks.length) return;
    const words = toks.map((t) => key(t, caseSensitive));
    const k = `${caseSensitive ? 'C' : 'i'}:${words[0]}`;
    let list = byFirst.get(k);
    if (!list) byFirst.set(k, (list = []));
    list.push({ words, id, kind, entry, caseSensitive });
  };
  for (const [name, place] of placeNames()) {
    add(name, `${place.kind}:${place.id}`, place.kind, true);
  }
  const memberSets = new Map<string, Set<string>>();
  const displays = new Map<string, string>();
  for (const entry of kb.entries) {
    const id = `kb:${entry.id}`;
    displays.set(id, entry.acronym ?? entry.name);
    if (entry.members.length) {
      const set = new Set<string>();
      let ok = true;
      for (const m of entry.members) {
        const c = canonicalCountry(m);
        if (c) set.add(c);
        else ok = false; // "European Union", "African Union": not a country list
      }
      if (ok) memberSets.set(id, set);
    }
    if (entry.acronym && entry.acronym.length >= 2) add(entry.acronym, id, 'framework', true, entry);
    for (const a of entry.aliases) {
      if (/^[\p{Lu}\d][\p{Lu}\d\-+&]+$/u.test(a)) add(a, id, 'framework', true, entry);
      else if (a.split(/\s+/).length >= 2) add(a, id, 'framework', false, entry);
    }
    if (entry.name.split(/\s+/).length >= 2) add(entry.name, id, 'framework', false, entry);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  const index: EntityIndex = {
    find(toks) {
      const out: Entity[] = [];
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i];
        if (t.kind !== 'word' || (!t.cap && t.norm !== 'mainland')) continue;
        const m = matchAt(toks, i);
        if (m) {
          out.push(m);
          i = m.t1 - 1;
          continue;
        }
        // parts of hyphenated words: "U.S.-China", "China-Japan-Korea"
        if (/[-‐]/.test(t.text) && !t.text.startsWith('-')) {
          for (const part of t.text.split(/[-‐]/)) {
            const p = placeNames().get(part);
            if (p) out.push({ t0: i, t1: i + 1, id: `${p.kind}:${p.id}`, kind: p.kind, text: part, possessive: false });
            else {
              for (const cs of [true, false]) {
                const n = (byFirst.get(`${cs ? 'C' : 'i'}:${cs ? part : part.toLowerCase()}`) ?? []).find((x) => x.words.length === 1);
                if (n) {
                  out.push({ t0: i, t1: i + 1, id: n.id, kind: n.kind, text: part, possessive: false, entry: n.entry });
                  break;
                }
              }
            }
          }
        }
      }
      return out;
    },
    members(id) {
      if (id.startsWith('country:')) return new Set([id.slice(8)]);
      return memberSets.get(id);
    },
    display(id) {
      const i = id.indexOf(':');
      return displays.get(id) ?? id.slice(i + 1);
    },
  };

  function matchAt(toks: Tok[], i: number): Entity | undefined {
    let best: Entity | undefined;
    for (const cs of [true, false]) {
      const first = key(toks[i], cs);
      const list = byFirst.get(`${cs ? 'C' : 'i'}:${first}`);
      if (!list) continue;
      for (const n of list) {
        if (best && n.words.length <= best.t1 - best.t0) continue;
        let j = i;
        let ok = true;
        for (let w = 0; w < n.words.length; w++, j++) {
          const t = toks[j];
          if (!t || key(t, n.caseSensitive) !== n.words[w] || (w < n.words.length - 1 && t.possessive)) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        // a lower-case match of a name must start with a capital ("the Quad", not "quad")
        if (!n.caseSensitive && !toks[i].cap) continue;
        const last = toks[j - 1];
        best = { t0: i, t1: j, id: n.id, kind: n.kind, text: toks.slice(i, j).map((x) => x.text).join(' '), possessive: last.possessive, entry: n.entry };
      }
    }
    return best;
  }

  cache.set(kb, index);
  return index;
}
