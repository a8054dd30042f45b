import { parseDocument, isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { SeveritySetting } from './types';
import type { AnyRule } from './rule';
import { loadGlossary } from '../kb/index';
import { positionsIn, yamlDepthProblem } from './yaml';

/** The user's configuration, as written in `.policylint.yaml` / `.policylint.json` or VS Code settings. */
export interface PolicyLintConfig {
  /** Per rule: a severity ("off" disables it) or `{ severity, options }`. */
  rules?: Record<string, SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> }>;
  /** Glossary files (YAML/JSON) with extra or overriding knowledge-base entries, relative to the config file. */
  glossary?: string[];
  /** Files the CLI skips (globs, relative to the config file). */
  ignore?: string[];
}

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
}

export interface ConfigProblem {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export function isSeveritySetting(v: unknown): v is SeveritySetting {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

/** Merges configs left to right (later wins) over the rules' defaults. Unknown options are ignored. */
export function resolveConfig(registry: readonly AnyRule[], ...configs: (PolicyLintConfig | undefined)[]): ResolvedConfig {
  const rules = new Map<string, RuleSetting>();
  for (const rule of registry) {
    rules.set(rule.meta.id, { severity: rule.meta.defaultSeverity, options: { ...rule.meta.defaultOptions } });
  }
  for (const config of configs) {
    for (const [id, value] of Object.entries(config?.rules ?? {})) {
      const current = rules.get(id);
      if (!current) continue;
      if (isSeveritySetting(value)) {
        rules.set(id, { ...current, severity: value });
      } else if (value && typeof value === 'object') {
        const rule = registry.find((r) => r.meta.id === id)!;
        const options = { ...current.options };
        for (const [k, v] of Object.entries(value.options ?? {})) {
          if (k in rule.meta.options && optionMatches(rule.meta.options[k].type, v)) options[k] = v;
        }
        rules.set(id, { severity: isSeveritySetting(value.severity) ? value.severity : current.severity, options });
      }
    }
  }
  return { rules };
}

function optionMatches(type: string, v: unknown): boolean {
  switch (type) {
    case 'boolean': return typeof v === 'boolean';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'string': return typeof v === 'string';
    case 'string[]': return Array.isArray(v) && v.every((x) => typeof x === 'string');
    default: return false;
  }
}

export interface ParseConfigOptions {
  /** The file is JSON (`.policylint.json`): its syntax is checked as strict JSON (no comments, no trailing commas). */
  json?: boolean;
}

export interface ParsedConfig {
  config: PolicyLintConfig;
  problems: ConfigProblem[];
  /** Where each entry of `config.glossary` is written (1-based), for problems about that glossary. */
  glossaryPositions?: { line: number; column: number }[];
}

/**
 * Parses and validates a config file (YAML or JSON; JSON is read by the YAML parser, which reports positions).
 * Never throws: problems come back with 1-based line/column, and whatever is valid is kept. A syntax error
 * rejects the whole file (the defaults apply) and is reported once, at the line where it is: for a bracket,
 * brace or quote left open at the end of the file, at the line where it was opened.
 */
export function parseConfig(text: string, registry: readonly AnyRule[], options: ParseConfigOptions = {}): ParsedConfig {
  const positionOf = positionsIn(text);
  const problems: ConfigProblem[] = [];
  const at = (offset: number | undefined) => positionOf(offset ?? 0);
  const config: PolicyLintConfig = {};
  if (options.json) {
    const syntax = jsonSyntaxProblem(text);
    if (syntax) {
      const pos = positionOf(syntax.offset);
      return { config, problems: [{ message: `Invalid JSON: ${syntax.message}.`, ...pos }] };
    }
  }
  const deep = yamlDepthProblem(text);
  if (deep) return { config, problems: [{ message: `Invalid ${options.json ? 'JSON' : 'YAML'}: ${deep.message}.`, ...positionOf(deep.offset) }] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const open = e.pos[0] >= text.trimEnd().length ? unclosedAt(text) : undefined;
    const lang = options.json ? 'JSON' : 'YAML';
    if (open) problems.push({ message: `Invalid ${lang}: ${open.what} is never closed.`, ...at(open.offset) });
    else problems.push({ message: `Invalid ${lang}: ${yamlMessage(e.code, e.message, text, e.pos[0])}.`, ...at(e.pos[0]) });
    return { config, problems };
  }
  // a value given by an alias ("*name") is read from its anchor, and reported where the alias is written
  const deref = (n: unknown): YamlNode | null => (isAlias(n) ? ((n.resolve(doc as Document) as YamlNode | undefined) ?? null) : ((n as YamlNode | null) ?? null));
  const plainOf = (n: YamlNode | null): unknown => {
    if (!n) return null;
    try {
      return n.toJS(doc as Document, { maxAliasCount: 100 });
    } catch {
      return undefined;
    }
  };
  let glossaryPositions: { line: number; column: number }[] | undefined;
  const root = doc.contents;
  if (root === null || root === undefined) return { config, problems };
  if (!isMap(root)) {
    problems.push({ message: 'The configuration must be a mapping with keys such as "rules", "glossary" and "ignore".', ...at(root.range?.[0]) });
    return { config, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = deref(pair.value);
    const keyPos = at(keyNode?.range?.[0]);
    if (key === 'rules') {
      if (!isMap(value)) {
        problems.push({ message: '"rules" must be a mapping from rule id to a severity or { severity, options }.', ...keyPos });
        continue;
      }
      config.rules = {};
      for (const rp of value.items) {
        const idNode = rp.key as YamlNode | null;
        const id = isScalar(idNode) ? String(idNode.value) : '';
        const idPos = at(idNode?.range?.[0]);
        const rule = registry.find((r) => r.meta.id === id);
        if (!rule) {
          problems.push({ message: `Unknown rule "${id}". Known rules: ${registry.map((r) => r.meta.id).join(', ')}.`, ...idPos });
          continue;
        }
        const v = deref(rp.value);
        const plain = plainOf(v);
        if (isSeveritySetting(plain)) {
          config.rules[id] = plain;
        } else if (isMap(v)) {
          const entry: { severity?: SeveritySetting; options?: Record<string, unknown> } = {};
          for (const sp of v.items) {
            const k = isScalar(sp.key) ? String(sp.key.value) : '';
            const sv = deref(sp.value);
            const svPlain = plainOf(sv);
            const kPos = at((sp.key as YamlNode | null)?.range?.[0]);
            if (k === 'severity') {
              if (isSeveritySetting(svPlain)) entry.severity = svPlain;
              else problems.push({ message: `Severity of "${id}" must be one of ${SEVERITIES.join(', ')}.`, ...at((sp.value as YamlNode | null)?.range?.[0]) });
            } else if (k === 'options') {
              if (!isMap(sv)) {
                problems.push({ message: `"options" of "${id}" must be a mapping.`, ...kPos });
                continue;
              }
              entry.options = {};
              for (const op of sv.items) {
                const ok = isScalar(op.key) ? String(op.key.value) : '';
                const ov = deref(op.value);
                const ovPlain = plainOf(ov);
                const spec = (rule.meta.options as Record<string, { type: string }>)[ok];
                if (!spec) {
                  const known = Object.keys(rule.meta.options);
                  problems.push({ message: `Rule "${id}" has no option "${ok}"${known.length ? ` (options: ${known.join(', ')})` : ''}.`, ...at((op.key as YamlNode | null)?.range?.[0]) });
                } else if (!optionMatches(spec.type, ovPlain)) {
                  problems.push({ message: `Option "${ok}" of "${id}" must be a ${spec.type}.`, ...at((op.value as YamlNode | null)?.range?.[0]) });
                } else {
                  entry.options[ok] = ovPlain;
                }
              }
            } else {
              problems.push({ message: `Unknown key "${k}" for rule "${id}" (expected "severity" or "options").`, ...kPos });
            }
          }
          config.rules[id] = entry;
        } else {
          problems.push({ message: `"${id}" must be a severity (${SEVERITIES.join(', ')}) or { severity, options }.`, ...at((rp.value as YamlNode | null)?.range?.[0] ?? idNode?.range?.[0]) });
        }
      }
    } else if (key === 'glossary' || key === 'ignore') {
      const plain = plainOf(value);
      const list = typeof plain === 'string' ? [plain] : plain;
      if (Array.isArray(list) && list.every((x) => typeof x === 'string')) {
        config[key] = list as string[];
        if (key === 'glossary') {
          // where each path is written (an alias, not what it stands for)
          const items = isSeq(value) ? (value.items as (YamlNode | null)[]) : [pair.value as YamlNode | null];
          glossaryPositions = items.map((n) => at(n?.range?.[0] ?? value?.range?.[0]));
        }
      } else {
        problems.push({ message: `"${key}" must be a list of file paths or globs.`, ...at((pair.value as YamlNode | null)?.range?.[0] ?? keyNode?.range?.[0]) });
      }
    } else {
      problems.push({ message: `Unknown key "${key}" (expected "rules", "glossary" or "ignore").`, ...keyPos });
    }
  }
  return { config, problems, ...(glossaryPositions ? { glossaryPositions } : {}) };
}

/**
 * The first strict-JSON syntax error (what JSON.parse rejects: comments, trailing commas, unquoted words), with
 * its offset; undefined for valid JSON. The glossary loader's JSON reader, which knows positions, does the work.
 */
export function jsonSyntaxProblem(text: string): { message: string; offset: number } | undefined {
  if (!text.replace(/^\uFEFF/, '').trim()) return { message: 'the file is empty', offset: 0 };
  const error = loadGlossary('.policylint.json', text).errors.find((e) => e.message.startsWith('Invalid JSON: '));
  if (!error) return undefined;
  const message = error.message.slice('Invalid JSON: '.length).replace(/\.$/, '');
  if (/end of JSON input/.test(message)) {
    const open = unclosedAt(text);
    if (open) return { message: `${open.what} is never closed`, offset: open.offset };
  }
  return { message, offset: offsetOf(text, error.line, error.column) };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  return offset + column - 1;
}

/** "Flow sequence in block collection must be …" and friends, as one sentence without a final period. */
function yamlMessage(code: string, message: string, text: string, offset: number): string {
  if (code === 'DUPLICATE_KEY') {
    const m = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^:\n]*[^:\s]))/.exec(text.slice(offset, offset + 200));
    const key = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    if (key !== undefined) return `the key "${key}" is given twice`;
  }
  return message.split('\n')[0].replace(/[.:]\s*$/, '');
}

/**
 * The innermost "[" or "{" (or the quoted string) still open at the end of a YAML or JSON text, where the
 * parser only notices at the end of the file. Brackets count where a flow collection can start: after ":",
 * "-", ",", "[", "{" or at the start of a line; comments and quoted strings are skipped.
 */
export function unclosedAt(text: string): { what: string; offset: number } | undefined {
  const stack: { ch: string; offset: number }[] = [];
  let lastSignificant = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      if (!/[\n:,[{\-?]/.test(lastSignificant)) {
        lastSignificant = c;
        continue;
      }
      const start = i;
      i++;
      for (; i < text.length; i++) {
        if (c === '"' && text[i] === '\\') {
          i++;
          continue;
        }
        if (text[i] === c) {
          if (c === "'" && text[i + 1] === "'") {
            i++;
            continue;
          }
          break;
        }
      }
      if (i >= text.length) return { what: `the string opened with ${c}`, offset: start };
      lastSignificant = c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
      lastSignificant = '\n';
      continue;
    }
    if ((c === '[' || c === '{') && /[\n:,[{\-]/.test(lastSignificant)) stack.push({ ch: c, offset: i });
    else if ((c === ']' || c === '}') && stack.length && stack[stack.length - 1].ch === (c === ']' ? '[' : '{')) stack.pop();
    if (c === '\n') lastSignificant = '\n';
    else if (c !== ' ' && c !== '\t' && c !== '\r') lastSignificant = c;
  }
  const top = stack[stack.length - 1];
  return top ? { what: `the "${top.ch}"`, offset: top.offset } : undefined;
}
