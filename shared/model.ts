// The Form 4 filing exactly as ../shared/spec/form4.schema.json describes it: one definition for the
// parser, the rules, the store, the exports and the UI. Field names follow EDGAR's ownershipDocument.
import { z } from 'zod';

export const TRANSACTION_CODES = [
  'P', 'S', 'V', 'A', 'D', 'F', 'I', 'M', 'C', 'E', 'H', 'O', 'X', 'G', 'L', 'W', 'Z', 'J', 'K', 'U',
] as const;

export const isoDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, 'a date as YYYY-MM-DD');
export const transactionCode = z.enum(TRANSACTION_CODES);
export const footnoteRefs = z.record(z.string(), z.array(z.string()));

export const issuerSchema = z.strictObject({
  name: z.string(),
  tradingSymbol: z.string().nullable(),
  cik: z.string().nullable().optional(),
});

export const reportingOwnerSchema = z.strictObject({
  name: z.string(),
  street1: z.string().nullable().optional(),
  street2: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  state: z.string().nullable().optional(),
  zip: z.string().nullable().optional(),
  isDirector: z.boolean(),
  isOfficer: z.boolean(),
  isTenPercentOwner: z.boolean(),
  isOther: z.boolean(),
  officerTitle: z.string().nullable().optional(),
  otherText: z.string().nullable().optional(),
  cik: z.string().nullable().optional(),
});

export const nonDerivativeLineSchema = z.strictObject({
  securityTitle: z.string(),
  transactionDate: isoDate.nullable(),
  deemedExecutionDate: isoDate.nullable().optional(),
  transactionCode: transactionCode.nullable(),
  equitySwapInvolved: z.boolean().optional(),
  shares: z.number().nullable(),
  acquiredDisposed: z.enum(['A', 'D']).nullable(),
  pricePerShare: z.number().nullable(),
  sharesOwnedFollowing: z.number().nullable(),
  directOrIndirect: z.enum(['D', 'I']).nullable(),
  natureOfOwnership: z.string().nullable(),
  footnoteRefs: footnoteRefs.optional(),
});

export const derivativeLineSchema = z.strictObject({
  securityTitle: z.string(),
  conversionOrExercisePrice: z.number().nullable().optional(),
  transactionDate: isoDate.nullable(),
  deemedExecutionDate: isoDate.nullable().optional(),
  transactionCode: transactionCode.nullable(),
  equitySwapInvolved: z.boolean().optional(),
  sharesAcquired: z.number().nullable().optional(),
  sharesDisposed: z.number().nullable().optional(),
  dateExercisable: z.string().nullable().optional(),
  expirationDate: z.string().nullable().optional(),
  underlyingTitle: z.string().nullable().optional(),
  underlyingShares: z.number().nullable().optional(),
  pricePerShare: z.number().nullable().optional(),
  sharesOwnedFollowing: z.number().nullable(),
  directOrIndirect: z.enum(['D', 'I']).nullable(),
  natureOfOwnership: z.string().nullable().optional(),
  footnoteRefs: footnoteRefs.optional(),
});

export const footnoteSchema = z.strictObject({ id: z.string(), text: z.string() });
export const signatureSchema = z.strictObject({ name: z.string(), date: isoDate.nullable() });

export const filingSchema = z.strictObject({
  documentType: z.enum(['4', '4/A']),
  periodOfReport: isoDate,
  dateOfOriginalSubmission: isoDate.nullable().optional(),
  notSubjectToSection16: z.boolean().optional(),
  aff10b5One: z.boolean().nullable().optional(),
  issuer: issuerSchema,
  reportingOwners: z.array(reportingOwnerSchema).min(1),
  jointFiling: z.boolean().optional(),
  nonDerivative: z.array(nonDerivativeLineSchema),
  derivative: z.array(derivativeLineSchema),
  footnotes: z.array(footnoteSchema),
  remarks: z.string().nullable(),
  signatures: z.array(signatureSchema),
});

export type Issuer = z.infer<typeof issuerSchema>;
export type ReportingOwner = z.infer<typeof reportingOwnerSchema>;
export type NonDerivativeLine = z.infer<typeof nonDerivativeLineSchema>;
export type DerivativeLine = z.infer<typeof derivativeLineSchema>;
export type Footnote = z.infer<typeof footnoteSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type Filing = z.infer<typeof filingSchema>;
export type TransactionCode = z.infer<typeof transactionCode>;

/**
 * A filing as the parser hands it on, before a person has checked it: a box that could not be read is
 * null even where the schema wants a string (box 3, the issuer's name, a line's title), and a value
 * that is not of its kind is kept as read so that the `format` rule can point at it rather than the
 * parser dropping it. A draft with no `required` and no `format` finding is a schema-valid Filing.
 */
export type DraftFiling = Omit<Filing, 'periodOfReport' | 'issuer' | 'reportingOwners' | 'nonDerivative' | 'derivative'> & {
  periodOfReport: string | null;
  issuer: Omit<Issuer, 'name'> & { name: string | null };
  reportingOwners: Array<Omit<ReportingOwner, 'name'> & { name: string | null }>;
  nonDerivative: Array<Omit<NonDerivativeLine, 'securityTitle'> & { securityTitle: string | null }>;
  derivative: Array<Omit<DerivativeLine, 'securityTitle'> & { securityTitle: string | null }>;
};
