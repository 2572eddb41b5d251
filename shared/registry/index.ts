export * from './types';
export * from './entities';
import { ENTITIES } from './entities';
import type { EntityDef, EntityName, FieldDef, Localized } from './types';

export function entityDef(name: EntityName): EntityDef {
  return ENTITIES[name];
}

export function fieldDef(entity: EntityName, key: string): FieldDef | undefined {
  return ENTITIES[entity].fields.find((f) => f.key === key);
}

/**
 * Why a field of this record can no longer be edited, or null when it can: it is part of a proof set
 * once recorded (a consent's person and purpose), or of what was published (a campaign's message).
 */
export function fixedReason(entity: EntityName, key: string, values: Readonly<Record<string, unknown>>): 'recorded' | 'published' | null {
  const def = fieldDef(entity, key);
  if (def?.fixedOnceRecorded) return 'recorded';
  if (def?.fixedOncePublished && values.status === 'published') return 'published';
  return null;
}

/**
 * A choice field's options as a reader names them, in each language ("Dutch, English, French,
 * German"): what "Choose one of: …" lists. The stored codes (nl, en, fr, de) mean nothing to
 * someone who typed "Spaans"; an option without a label is shown as it is stored.
 */
export function optionList(field: Pick<FieldDef, 'options' | 'optionLabels'>): Localized {
  const names = (language: keyof Localized) => (field.options ?? []).map((option) => field.optionLabels?.[option]?.[language] ?? option).join(', ');
  return { en: names('en'), nl: names('nl') };
}
