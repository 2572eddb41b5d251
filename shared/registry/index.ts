export * from './types';
export * from './entities';
import { ENTITIES } from './entities';
import type { EntityDef, EntityName, FieldDef } from './types';

export function entityDef(name: EntityName): EntityDef {
  return ENTITIES[name];
}

export function fieldDef(entity: EntityName, key: string): FieldDef | undefined {
  return ENTITIES[entity].fields.find((f) => f.key === key);
}
