/**
 * Where the user is inside the signed-in shell. The shell keeps a small history of routes in
 * memory (never in the URL: a route names a record, and nothing of a session outlives it), so a
 * detail page can offer Back to the list it was opened from, with that list's filters.
 */
import { createContext, useContext } from 'react';
import type { StoredValue } from '../../../shared/recordTypes';
import type { EntityName } from '../../../shared/registry';

/** The entities with a list page of their own. */
export const LIST_ENTITIES = ['contact', 'organisation', 'deal', 'activity', 'invoice', 'campaign'] as const;
export type ListEntity = (typeof LIST_ENTITIES)[number];

/**
 * What a "New …" form can make: every kind with a list, and a consent, which has no list of its own
 * and is made from its person's page.
 */
export type NewEntity = ListEntity | 'consent';

/** What an import can make. */
export const IMPORT_ENTITIES = ['contact', 'organisation'] as const;

export function isListEntity(entity: EntityName): entity is ListEntity {
  return (LIST_ENTITIES as readonly string[]).includes(entity);
}

/** What a list shows: kept in the route, so Back from a record returns to the same selection. */
export interface ListSettings {
  sort?: 'name' | 'due';
  where?: Record<string, string | number | boolean>;
  /** Titles of the records a reference filter points at, for showing the filter. */
  whereTitles?: Record<string, string>;
  mine?: boolean;
  /** Deals only: the stage board instead of the list. */
  board?: boolean;
}

/** Values a new record starts with (e.g. the organisation it is created from). */
export interface Preset {
  values: Record<string, StoredValue | boolean>;
  refs?: Record<string, { id: number; title: string }>;
}

export type Route =
  | { page: 'home' }
  | { page: 'account' }
  | { page: 'users' }
  | { page: 'fields' }
  | { page: 'import' }
  | { page: 'roles' }
  | { page: 'access' }
  /** `about`: only the entries about this record (its trail, opened from its page). */
  | { page: 'audit'; about?: { entity: EntityName; id: number; title: string } }
  | { page: 'retention' }
  | { page: 'history' }
  | { page: 'trash' }
  | { page: 'list'; entity: ListEntity; settings?: ListSettings }
  | { page: 'record'; entity: EntityName; id: number }
  | { page: 'new'; entity: NewEntity; preset?: Preset };

/** A stable text for a route, to key pages by (a new route is a new page). */
export function routeKey(route: Route): string {
  switch (route.page) {
    case 'list':
      return `list:${route.entity}`;
    case 'record':
      return `record:${route.entity}:${route.id}`;
    case 'new':
      return `new:${route.entity}:${JSON.stringify(route.preset ?? null)}`;
    case 'audit':
      return route.about ? `audit:${route.about.entity}:${route.about.id}` : 'audit';
    default:
      return route.page;
  }
}

export interface Navigation {
  route: Route;
  go: (route: Route) => void;
  /** Replaces the current route without a history entry (a changed filter, say). */
  replace: (route: Route) => void;
  back: () => void;
  /**
   * Back, past every page in the history that `gone` names (records just deleted or erased, which
   * would only say they no longer exist); to `fallback` when no page is left.
   */
  backPast: (gone: (route: Route) => boolean, fallback: Route) => void;
  canGoBack: boolean;
}

export const NavigationContext = createContext<Navigation | null>(null);

/**
 * Where the user was in the lists of this session (a list's pages, scroll and focused row; see
 * VirtualTable), by visit of a page: Back to a list, or a list shown afresh after an undo or a
 * deletion, comes back at the same place, while going to a list anew starts at its top. In memory
 * only, and gone with the shell when the session locks or ends.
 */
export interface ListPlaces {
  /** The visit of the page (and whose view it is), as the shell numbers them. */
  visit: string;
  places: Map<string, unknown>;
}

export const ListPlacesContext = createContext<ListPlaces | null>(null);

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (!navigation) throw new Error('useNavigation must be used inside the signed-in shell');
  return navigation;
}
