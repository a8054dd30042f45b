/**
 * The "Paper overview" tree as plain data, built from the server's `policyLint/paperOverview` answer. No `vscode`
 * import (overview.ts turns nodes into TreeItems), so the shape is unit-tested directly. Tolerates a server that
 * answers with empty or missing `figures` / `citations` (and even `acronyms`).
 */
import type { OverviewAcronym, OverviewCitation, OverviewFigure, PaperOverview } from '../../server/src/server/protocol';

export type Range = OverviewAcronym['uses'][number];

export interface OverviewNode {
  /** Unique in the tree and stable across refreshes (keeps the expansion state). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** A codicon id (`warning`, `symbol-constant`, …). */
  icon?: string;
  /** A theme colour id for the icon. */
  iconColor?: string;
  /** Clicking the node reveals this range of the paper. */
  range?: Range;
  children?: OverviewNode[];
  /** Initially expanded (only for nodes with children). */
  expanded?: boolean;
  /** `group`, `acronym`, `acronym-problem`, `definition`, `use`, `figure`, `mention`, `citation`, … */
  contextValue: string;
}

/** Text of a 0-based line of the paper, when the document is at hand (for excerpts). */
export type LineText = (line: number) => string | undefined;

/** A problem of an acronym or a figure, as the server sends it. */
type OverviewProblem = OverviewFigure['problems'][number];

const WARNING_COLOR = 'problemsWarningIcon.foreground';
const ERROR_COLOR = 'problemsErrorIcon.foreground';

export function buildOverviewTree(ov: Partial<PaperOverview> | undefined, lineText: LineText = () => undefined): OverviewNode[] {
  const ids = new Set<string>();
  const uniq = (id: string) => {
    let out = id;
    for (let i = 2; ids.has(out); i++) out = `${id}#${i}`;
    ids.add(out);
    return out;
  };
  return [acronymGroup(ov?.acronyms, lineText, uniq), figureGroup(ov?.figures, lineText, uniq), citationGroup(ov?.citations, lineText, uniq)];
}

// ---- acronyms -----------------------------------------------------------------------------------------------

function acronymGroup(list: OverviewAcronym[] | undefined, lineText: LineText, uniq: (id: string) => string): OverviewNode {
  const id = uniq('acronyms');
  if (!Array.isArray(list)) return group(id, 'Acronyms', undefined, [placeholder(uniq, id, 'Not reported by this version of the language server')]);
  const withProblems = list.filter((a) => (a.problems ?? []).length > 0).length;
  const children = list.map((a) => acronymNode(a, lineText, uniq));
  const description = list.length ? [String(list.length), withProblems ? `${withProblems} with problems` : ''].filter(Boolean).join(' · ') : undefined;
  return group(id, 'Acronyms', description, children.length ? children : [placeholder(uniq, id, 'No acronyms found')], true);
}

function acronymNode(a: OverviewAcronym, lineText: LineText, uniq: (id: string) => string): OverviewNode {
  const id = uniq(`acronyms/${a.acronym}`);
  const uses = a.uses ?? [];
  const problems = a.problems ?? [];
  const status = !a.definition ? (a.known ? 'known, not defined in the paper' : 'not defined') : '';
  const description = [a.expansion ?? '', status && !a.expansion ? status : '', plural(uses.length, 'use'), problems.length ? plural(problems.length, 'problem') : '']
    .filter(Boolean)
    .join(' · ');
  const children: OverviewNode[] = [];
  for (const p of problems) children.push(problemNode(p, id, uniq, 'warning', WARNING_COLOR, 'acronym-problem'));
  if (a.definition) {
    children.push({
      id: uniq(`${id}/definition`),
      label: excerpt(lineText, a.definition) ?? `Definition`,
      description: `definition · line ${a.definition.start.line + 1}`,
      icon: 'symbol-key',
      range: a.definition,
      contextValue: 'definition',
    });
  } else {
    children.push({
      id: uniq(`${id}/no-definition`),
      label: a.known ? `Not defined in the paper (known: ${a.expansion ?? a.acronym})` : 'Not defined in the paper',
      icon: 'info',
      contextValue: 'no-definition',
    });
  }
  uses.forEach((r) => {
    children.push({
      id: uniq(`${id}/use/${r.start.line}:${r.start.character}`),
      label: excerpt(lineText, r) ?? `${a.acronym}`,
      description: `line ${r.start.line + 1}`,
      icon: 'location',
      range: r,
      contextValue: 'use',
    });
  });
  const tooltip = [
    `**${a.acronym}**${a.expansion ? ` — ${a.expansion}` : ''}`,
    [a.definition ? `Defined on line ${a.definition.start.line + 1}` : 'Not defined in the paper', plural(uses.length, 'use'), a.known ? 'in the knowledge base' : ''].filter(Boolean).join(' · '),
    ...problems.map((p) => `$(warning) ${p.message} (\`${p.ruleId}\`)`),
  ].join('\n\n');
  return {
    id,
    label: a.acronym,
    description,
    tooltip,
    icon: problems.length ? 'warning' : a.definition ? 'symbol-constant' : a.known ? 'library' : 'question',
    iconColor: problems.length ? WARNING_COLOR : undefined,
    range: a.definition ?? uses[0] ?? problems[0]?.range,
    children,
    contextValue: problems.length ? 'acronym-with-problems' : 'acronym',
  };
}

// ---- key figures --------------------------------------------------------------------------------------------

function figureGroup(list: OverviewFigure[] | undefined, lineText: LineText, uniq: (id: string) => string): OverviewNode {
  const id = uniq('figures');
  if (!Array.isArray(list)) return group(id, 'Key figures', undefined, [placeholder(uniq, id, 'Not reported by this version of the language server')]);
  const contradicted = list.filter((f) => (f.problems ?? []).length > 0).length;
  const description = list.length ? [plural(list.length, 'measure'), contradicted ? plural(contradicted, 'contradiction') : ''].filter(Boolean).join(' · ') : undefined;
  const children = list.map((f) => figureNode(f, lineText, uniq));
  return group(id, 'Key figures', description, children.length ? children : [placeholder(uniq, id, 'No key figures found')], true);
}

/** A problem under an acronym or a figure: its message, rule and line; clicking jumps to it. */
function problemNode(p: OverviewProblem, parentId: string, uniq: (id: string) => string, icon: string, iconColor: string, contextValue: string): OverviewNode {
  return {
    id: uniq(`${parentId}/problem/${p.ruleId}/${p.range.start.line}:${p.range.start.character}`),
    label: p.message,
    description: `${p.ruleId} · line ${p.range.start.line + 1}`,
    tooltip: `${p.message}\n\n\`${p.ruleId}\`, line ${p.range.start.line + 1}`,
    icon,
    iconColor,
    range: p.range,
    contextValue,
  };
}

function figureNode(f: OverviewFigure, lineText: LineText, uniq: (id: string) => string): OverviewNode {
  const id = uniq(`figures/${f.measure}`);
  const mentions = f.mentions ?? [];
  const problems = f.problems ?? [];
  const children: OverviewNode[] = [];
  for (const p of problems) children.push(problemNode(p, id, uniq, 'error', ERROR_COLOR, 'figure-problem'));
  for (const m of mentions) {
    children.push({
      id: uniq(`${id}/mention/${m.range.start.line}:${m.range.start.character}`),
      label: m.text,
      description: [`line ${m.range.start.line + 1}`, excerpt(lineText, m.range) ?? ''].filter(Boolean).join(' · '),
      icon: 'symbol-number',
      range: m.range,
      contextValue: 'mention',
    });
  }
  const values = [...new Set(mentions.map((m) => m.text))];
  return {
    id,
    label: f.measure,
    description: [values.join(' / '), problems.length ? 'contradiction' : plural(mentions.length, 'mention')].filter(Boolean).join(' · '),
    tooltip: [`**${f.measure}**`, ...mentions.map((m) => `- ${m.text} (line ${m.range.start.line + 1})`), ...problems.map((p) => `$(error) ${p.message} (\`${p.ruleId}\`)`)].join('\n\n'),
    icon: problems.length ? 'warning' : 'graph',
    iconColor: problems.length ? WARNING_COLOR : undefined,
    range: problems[0]?.range ?? mentions[0]?.range,
    children,
    contextValue: problems.length ? 'figure-with-problems' : 'figure',
  };
}

// ---- citations ----------------------------------------------------------------------------------------------

function citationGroup(list: OverviewCitation[] | undefined, lineText: LineText, uniq: (id: string) => string): OverviewNode {
  const id = uniq('citations');
  if (!Array.isArray(list)) return group(id, 'Citations', undefined, [placeholder(uniq, id, 'Not reported by this version of the language server')]);
  // one node per citation as written (and the entry it resolves to); repeated citations become its children
  const byLabel = new Map<string, OverviewCitation[]>();
  for (const c of list) {
    const key = `${c.label}\u0000${c.reference ?? ''}`;
    const same = byLabel.get(key);
    if (same) same.push(c);
    else byLabel.set(key, [c]);
  }
  const children = [...byLabel.values()].map((cs) => citationNode(cs, lineText, uniq));
  const unresolved = [...byLabel.values()].filter((cs) => !cs[0].reference).length;
  const description = list.length ? [plural(list.length, 'citation'), unresolved ? `${unresolved} unresolved` : ''].filter(Boolean).join(' · ') : undefined;
  return group(id, 'Citations', description, children.length ? children : [placeholder(uniq, id, 'No citations found')], false);
}

function citationNode(cs: OverviewCitation[], lineText: LineText, uniq: (id: string) => string): OverviewNode {
  const first = cs[0];
  const id = uniq(`citations/${first.label}`);
  const ref = first.reference;
  const times = cs.length > 1 ? `×${cs.length} · ` : '';
  const children =
    cs.length > 1
      ? cs.map((c) => ({
          id: uniq(`${id}/at/${c.range.start.line}:${c.range.start.character}`),
          label: excerpt(lineText, c.range) ?? c.label,
          description: `line ${c.range.start.line + 1}`,
          icon: 'location',
          range: c.range,
          contextValue: 'citation-use',
        }))
      : undefined;
  return {
    id,
    label: first.label,
    description: `${times}${ref ? shorten(ref, 90) : 'unresolved'}`,
    tooltip: ref
      ? `**${first.label}** → ${ref}`
      : `**${first.label}** — no entry in the reference list or bibliography matches this citation.`,
    icon: ref ? 'quote' : 'warning',
    iconColor: ref ? undefined : WARNING_COLOR,
    range: first.range,
    children,
    contextValue: ref ? 'citation' : 'citation-unresolved',
  };
}

// ---- helpers ------------------------------------------------------------------------------------------------

function group(id: string, label: string, description: string | undefined, children: OverviewNode[], expanded = true): OverviewNode {
  return { id, label, description, children, expanded, contextValue: 'group' };
}

function placeholder(uniq: (id: string) => string, parent: string, label: string): OverviewNode {
  return { id: uniq(`${parent}/empty`), label, icon: 'info', contextValue: 'empty' };
}

function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

export function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The words around a range on its line ("…the ZQRF pillars carry no…"), or undefined without the text. */
export function excerpt(lineText: LineText, r: Range, width = 28): string | undefined {
  const line = lineText(r.start.line);
  if (line === undefined) return undefined;
  const start = Math.max(0, r.start.character - width);
  const end = Math.min(line.length, (r.end.line === r.start.line ? r.end.character : line.length) + width);
  let s = line.slice(start, end);
  // cut at word boundaries
  if (start > 0) s = s.replace(/^\S*\s+/, '');
  if (end < line.length) s = s.replace(/\s+\S*$/, '');
  s = s.replace(/\s+/g, ' ').trim();
  if (!s) return undefined;
  return `${start > 0 ? '…' : ''}${s}${end < line.length ? '…' : ''}`;
}
