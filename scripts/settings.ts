// The VS Code settings Policy Lint contributes, generated from the rule registry.
// `npm run gen:settings` writes them into package.json; test/unit/settings.test.ts fails when they drift.
import { rules } from '../server/src/rules/registry';
import { docsUrl } from '../server/src/core/docs';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

function optionSchema(type: string): Record<string, unknown> {
  switch (type) {
    case 'string[]':
      return { type: 'array', items: { type: 'string' } };
    default:
      return { type };
  }
}

export function rulesSetting(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of rules) {
    const { meta } = rule;
    const optionProps: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(meta.options as Record<string, { type: string; description: string }>)) {
      optionProps[name] = { ...optionSchema(spec.type), description: spec.description, default: (meta.defaultOptions as Record<string, unknown>)[name] };
    }
    properties[meta.id] = {
      markdownDescription: `${meta.description} [Docs](${docsUrl(meta)})`,
      default: meta.defaultSeverity,
      anyOf: [
        { type: 'string', enum: SEVERITIES },
        {
          type: 'object',
          properties: {
            severity: { type: 'string', enum: SEVERITIES, default: meta.defaultSeverity },
            ...(Object.keys(optionProps).length ? { options: { type: 'object', properties: optionProps, additionalProperties: false } } : {}),
          },
          additionalProperties: false,
        },
      ],
    };
  }
  return {
    type: 'object',
    default: {},
    markdownDescription: 'Per-rule severity (`error`, `warning`, `information`, `hint` or `off`) or `{ "severity": …, "options": { … } }`. Settings here override `.policylint.yaml`.',
    properties,
    additionalProperties: false,
  };
}
