import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { SeveritySetting } from './types';
import type { AnyRule } from './rule';

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

/**
 * Parses and validates a config file (YAML or JSON; JSON is read by the YAML parser, which reports positions).
 * Never throws: problems come back with 1-based line/column, and whatever is valid is kept.
 */
export function parseConfig(text: string, registry: readonly AnyRule[]): { config: PolicyLintConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const at = (offset: number | undefined) => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) problems.push({ message: e.message.split('\n')[0], ...at(e.pos[0]) });
  const config: PolicyLintConfig = {};
  if (doc.errors.length > 0) return { config, problems };
  const root = doc.contents;
  if (root === null || root === undefined) return { config, problems };
  if (!isMap(root)) {
    problems.push({ message: 'The configuration must be a mapping with keys such as "rules", "glossary" and "ignore".', ...at(root.range?.[0]) });
    return { config, problems };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const value = pair.value as YamlNode | null;
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
        const v = rp.value as YamlNode | null;
        const plain = v && 'toJSON' in v ? (v as { toJSON(): unknown }).toJSON() : null;
        if (isSeveritySetting(plain)) {
          config.rules[id] = plain;
        } else if (isMap(v)) {
          const entry: { severity?: SeveritySetting; options?: Record<string, unknown> } = {};
          for (const sp of v.items) {
            const k = isScalar(sp.key) ? String(sp.key.value) : '';
            const sv = sp.value as YamlNode | null;
            const svPlain = sv && 'toJSON' in sv ? (sv as { toJSON(): unknown }).toJSON() : null;
            const kPos = at((sp.key as YamlNode | null)?.range?.[0]);
            if (k === 'severity') {
              if (isSeveritySetting(svPlain)) entry.severity = svPlain;
              else problems.push({ message: `Severity of "${id}" must be one of ${SEVERITIES.join(', ')}.`, ...at(sv?.range?.[0]) });
            } else if (k === 'options') {
              if (!isMap(sv)) {
                problems.push({ message: `"options" of "${id}" must be a mapping.`, ...kPos });
                continue;
              }
              entry.options = {};
              for (const op of sv.items) {
                const ok = isScalar(op.key) ? String(op.key.value) : '';
                const ov = op.value as YamlNode | null;
                const ovPlain = ov && 'toJSON' in ov ? (ov as { toJSON(): unknown }).toJSON() : null;
                const spec = (rule.meta.options as Record<string, { type: string }>)[ok];
                if (!spec) {
                  const known = Object.keys(rule.meta.options);
                  problems.push({ message: `Rule "${id}" has no option "${ok}"${known.length ? ` (options: ${known.join(', ')})` : ''}.`, ...at((op.key as YamlNode | null)?.range?.[0]) });
                } else if (!optionMatches(spec.type, ovPlain)) {
                  problems.push({ message: `Option "${ok}" of "${id}" must be a ${spec.type}.`, ...at(ov?.range?.[0]) });
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
          problems.push({ message: `"${id}" must be a severity (${SEVERITIES.join(', ')}) or { severity, options }.`, ...at(v?.range?.[0] ?? idNode?.range?.[0]) });
        }
      }
    } else if (key === 'glossary' || key === 'ignore') {
      const plain = value && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : null;
      const list = typeof plain === 'string' ? [plain] : plain;
      if (Array.isArray(list) && list.every((x) => typeof x === 'string')) {
        config[key] = list as string[];
      } else {
        problems.push({ message: `"${key}" must be a list of file paths or globs.`, ...at(value?.range?.[0] ?? keyNode?.range?.[0]) });
      }
    } else {
      problems.push({ message: `Unknown key "${key}" (expected "rules", "glossary" or "ignore").`, ...keyPos });
    }
  }
  void isSeq;
  return { config, problems };
}
