import * as z from 'zod/mini';
import { FIELD_RULES } from '../rules/registration-fields.js';

export const FieldRuleSchema = z.enum(FIELD_RULES);

/** Which optional fields a store requires, offers or hides, per kind (see registration-fields.ts). */
export const RegistrationSettingsSchema = z.strictObject({
  person: z.strictObject({
    email: FieldRuleSchema,
    phone: FieldRuleSchema,
    birthDate: FieldRuleSchema,
    address: FieldRuleSchema,
  }),
  company: z.strictObject({
    email: FieldRuleSchema,
    phone: FieldRuleSchema,
    responsible: FieldRuleSchema,
    tradeName: FieldRuleSchema,
    stateRegistration: FieldRuleSchema,
    municipalRegistration: FieldRuleSchema,
    address: FieldRuleSchema,
  }),
});

export type FieldRule = z.infer<typeof FieldRuleSchema>;
export type RegistrationSettings = z.infer<typeof RegistrationSettingsSchema>;
