import { defineRule } from '../../core/rule';
import type { Fix } from '../../core/types';
import type { KbEntry } from '../../kb/types';
import { formatCountLike } from '../../core/numbers/lexicon';
import { aboutNegotiations, memberships, validCounts } from '../../core/numbers/members';
import { MEMBERSHIP_HISTORY } from '../../core/numbers/membership';
import { canonicalCountry, displayCountry } from '../../core/numbers/countries';
import { docsPath, joinAnd, q } from './util';

interface Options {
  ignore: string[];
}

/** Acronyms read letter by letter take "the" ("the EU", "the OECD"); those read as words do not ("NATO", "ASEAN"). */
const WITH_ARTICLE = new Set(['EU', 'UN', 'WTO', 'OECD', 'IMF', 'G7', 'G20', 'GCC', 'SCO', 'EAS', 'ARF', 'APT', 'ADB', 'AIIB', 'NDB', 'UNSC', 'IEA', 'WHO', 'ILO', 'TPP', 'CPTPP', 'USMCA', 'SCRI', 'EAEU', 'EFTA', 'PIF', 'MSP', 'TTC', 'DFC', 'USTR']);
/** "RCEP", "the EU", "the Quad", "the Wassenaar Arrangement". */
const nameOf = (e: KbEntry) => (e.acronym ? (/\p{Ll}/u.test(e.acronym) || WITH_ARTICLE.has(e.acronym) ? `the ${e.acronym}` : e.acronym) : `the ${e.name}`);
/** The name as the paper writes it when that is a full name ("the Five Eyes alliance"), else the usual short name. */
const written = (e: KbEntry, text: string | undefined) => (text && /\s/.test(text) ? `the ${text.replace(/['’]s?$/, '')}` : nameOf(e));
const members = (e: KbEntry) => e.members.map((m) => canonicalCountry(m) ?? m);
const asOf = (e: KbEntry) => e.membersAsOf ?? MEMBERSHIP_HISTORY[e.id]?.asOf ?? '';
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const countries = (xs: Iterable<string>) => joinAnd([...xs].map(displayCountry));

export default defineRule<Options>({
  meta: {
    id: 'number/kb-contradiction',
    description: 'A figure that contradicts the knowledge base: a wrong member count, a member list that differs from the known membership, a wrong count of shared members.',
    defaultSeverity: 'warning',
    fixable: false,
    defaultOptions: { ignore: [] },
    options: { ignore: { type: 'string[]', description: 'Frameworks (acronym or knowledge-base id) whose membership is not checked.' } },
    docs: docsPath('number/kb-contradiction'),
  },
  *check({ ledgers, options }) {
    const ignored = (e: KbEntry) => options.ignore.includes(e.id) || (!!e.acronym && options.ignore.includes(e.acronym));
    for (const c of ledgers.figures.memberClaims) {
      if (ignored(c.entry) || (c.other && ignored(c.other))) continue;
      if (c.kind === 'count') {
        const valid = validCounts(c.entry, aboutNegotiations(c.sentence));
        if (!valid || valid.has(c.count!)) continue;
        const current = c.entry.members.length;
        const earlier = [...valid].filter((n) => n !== current).sort((a, b) => a - b);
        const fixes: Fix[] = c.numberRange
          ? [{ title: `Replace ${q(c.numberText!)} with ${q(formatCountLike(current, c.numberText!))}`, edits: [{ range: c.numberRange, newText: formatCountLike(current, c.numberText!) }], isSafe: false }]
          : [];
        yield {
          range: c.range,
          message: `${cap(written(c.entry, c.nameText))} has ${current} members (${current <= 8 ? `${countries(members(c.entry))}; ` : ''}as of ${asOf(c.entry)})${earlier.length ? `, and had ${joinAnd(earlier.map(String))} before` : ''} — never ${c.count}.`,
          fixes,
        };
      } else if (c.kind === 'list') {
        const history = memberships(c.entry);
        if (!history) continue;
        const stated = new Set(c.members!);
        const ever = new Set(history.flatMap((s) => [...s]));
        const extra = [...stated].filter((m) => !ever.has(m));
        if (c.partial) {
          if (!extra.length) continue;
          yield { range: c.range, message: `${countries(extra)} ${extra.length > 1 ? 'have' : 'has'} never been a member of ${written(c.entry, c.nameText)} (members as of ${asOf(c.entry)}: ${countries(members(c.entry))}).` };
          continue;
        }
        if (history.some((s) => s.size === stated.size && [...s].every((m) => stated.has(m)))) continue;
        const current = new Set(members(c.entry));
        const missing = [...current].filter((m) => !stated.has(m));
        const added = [...stated].filter((m) => !current.has(m));
        const parts = [missing.length ? `leaves out ${countries(missing)}` : '', added.length ? `adds ${countries(added)}` : ''].filter(Boolean);
        yield {
          range: c.range,
          message: `The members of ${written(c.entry, c.nameText)} are ${countries(current)} (as of ${asOf(c.entry)}); this list ${parts.join(' and ')}.`,
        };
      } else {
        const a = memberships(c.entry);
        const b = memberships(c.other!);
        if (!a || !b) continue;
        const sizes = new Set<number>();
        for (const x of a) for (const y of b) sizes.add([...x].filter((m) => y.has(m)).length);
        if (sizes.has(c.count!)) continue;
        const now = members(c.entry).filter((m) => members(c.other!).includes(m));
        const fixes: Fix[] = c.numberRange
          ? [{ title: `Replace ${q(c.numberText!)} with ${q(formatCountLike(now.length, c.numberText!))}`, edits: [{ range: c.numberRange, newText: formatCountLike(now.length, c.numberText!) }], isSafe: false }]
          : [];
        yield {
          range: c.range,
          message: `${cap(nameOf(c.entry))} and ${nameOf(c.other!)} share ${now.length} members (${countries(now)}; as of ${asOf(c.entry)}), not ${c.count}.`,
          fixes,
        };
      }
    }
  },
});
