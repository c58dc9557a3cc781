// Findings as ../shared/spec/RULES.md defines them: rule id, severity, the path of the field it is
// about (in the JSON shape of the filing), and a message a person can act on.
import { z } from 'zod';

export const RULE_IDS = [
  'required', 'format', 'code-direction', 'rollforward', 'period-mismatch', 'late-filing',
  'footnote-ref', 'footnote-unused', 'indirect-nature', 'amendment', 'low-confidence',
  'history-mismatch', 'duplicate',
] as const;

export const ruleId = z.enum(RULE_IDS);
export const severity = z.enum(['error', 'warning']);

/** The severity each rule carries, as RULES.md fixes it. */
export const RULE_SEVERITY: Record<RuleId, Severity> = {
  required: 'error',
  format: 'error',
  'code-direction': 'warning',
  rollforward: 'error',
  'period-mismatch': 'warning',
  'late-filing': 'warning',
  'footnote-ref': 'error',
  'footnote-unused': 'warning',
  'indirect-nature': 'warning',
  amendment: 'error',
  'low-confidence': 'warning',
  'history-mismatch': 'warning',
  duplicate: 'warning',
};

export const findingSchema = z.strictObject({
  rule: ruleId,
  severity,
  path: z.string(),
  message: z.string(),
});

export type RuleId = z.infer<typeof ruleId>;
export type Severity = z.infer<typeof severity>;
export type Finding = z.infer<typeof findingSchema>;

export function finding(rule: RuleId, path: string, message: string): Finding {
  return { rule, severity: RULE_SEVERITY[rule], path, message };
}
