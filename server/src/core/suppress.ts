import type { LineIndex } from './text';

/**
 * Inline configuration comments:
 *   <!-- policy-lint-disable [rule …] -->            from this line on (all rules when none is named)
 *   <!-- policy-lint-enable [rule …] -->             from this line on
 *   <!-- policy-lint-disable-next-line [rule …] -->  the next line only
 *   <!-- policy-lint-disable-line [rule …] -->       this line only
 *   <!-- policy-lint-disable-file [rule …] -->       the whole file
 * A rule may be named by id (`acronym/misspelled`) or by family (`acronym`).
 */
export interface Suppressions {
  isSuppressed(ruleId: string, line: number): boolean;
}

interface Toggle {
  line: number;
  on: boolean;
  rules: string[] | null;
}

const DIRECTIVE = /^\s*policy-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*)$/;

export function parseSuppressions(comments: readonly { text: string; offset: number }[], lines: LineIndex): Suppressions {
  const toggles: Toggle[] = [];
  const lineRules = new Map<number, (string[] | null)[]>();
  const fileRules: (string[] | null)[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const names = m[2].split(/[\s,]+/).filter(Boolean);
    const rules = names.length ? names : null;
    const line = lines.positionAt(c.offset).line;
    switch (m[1]) {
      case 'disable': toggles.push({ line, on: false, rules }); break;
      case 'enable': toggles.push({ line, on: true, rules }); break;
      case 'disable-file': fileRules.push(rules); break;
      case 'disable-line': addLine(lineRules, line, rules); break;
      case 'disable-next-line': addLine(lineRules, lines.positionAt(c.offset + c.text.length + 7).line + 1, rules); break;
    }
  }
  toggles.sort((a, b) => a.line - b.line);
  const matches = (rules: string[] | null, id: string) =>
    rules === null || rules.some((r) => r === id || id.startsWith(r.endsWith('/') ? r : r + '/'));
  if (!toggles.length && !lineRules.size && !fileRules.length) return { isSuppressed: () => false };
  return {
    isSuppressed(ruleId, line) {
      if (fileRules.some((r) => matches(r, ruleId))) return true;
      if ((lineRules.get(line) ?? []).some((r) => matches(r, ruleId))) return true;
      let off = false;
      for (const t of toggles) {
        if (t.line > line) break;
        if (matches(t.rules, ruleId)) off = !t.on;
      }
      return off;
    },
  };
}

function addLine(map: Map<number, (string[] | null)[]>, line: number, rules: string[] | null): void {
  const list = map.get(line) ?? [];
  list.push(rules);
  map.set(line, list);
}
