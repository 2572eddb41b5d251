/**
 * The shell's navigation: the pages this user may open, in two groups — the records people work
 * in, then the tools around them (history, trash, import, account and admin). Each group keeps its
 * own line when the window is too narrow for both, so an item never moves from one to the other
 * with the language or the window's width. It hides what the user may not do; the core refuses it
 * anyway.
 */
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { IMPORT_ENTITIES, isListEntity, LIST_ENTITIES, type ListEntity, type Route } from '../records/navigation';
import type { Rights } from '../records/rights';

export type NavItem = 'home' | ListEntity | 'history' | 'trash' | 'import' | 'fields' | 'account' | 'users' | 'access' | 'roles' | 'audit' | 'retention';

export interface NavGroup {
  /** The group's accessible name. */
  label: MessageKey;
  items: NavItem[];
}

const NAV_LABELS: Record<NavItem, MessageKey> = {
  home: 'nav.home',
  contact: 'nav.contacts',
  organisation: 'nav.organisations',
  deal: 'nav.deals',
  activity: 'nav.activities',
  invoice: 'nav.invoices',
  campaign: 'nav.campaigns',
  history: 'nav.history',
  trash: 'nav.trash',
  import: 'nav.import',
  fields: 'nav.fields',
  account: 'nav.account',
  users: 'nav.users',
  access: 'nav.access',
  roles: 'nav.roles',
  audit: 'nav.audit',
  retention: 'nav.retention',
};

/** The groups of pages for a user with these rights and tasks. */
export function navGroupsFor(rights: Rights, permissions: readonly string[]): NavGroup[] {
  const records: NavItem[] = ['home', ...LIST_ENTITIES.filter((entity) => rights.can(entity, 'read'))];
  const tools: NavItem[] = ['history'];
  // The trash is for those who can put something in it, take something out, or empty it.
  const usesTrash = LIST_ENTITIES.some((entity) => rights.can(entity, 'delete') || rights.can(entity, 'restore'));
  if (usesTrash || rights.hasTask('trash.purge')) tools.push('trash');
  // Import needs the task and the right to create what it makes.
  if (permissions.includes('data.import') && IMPORT_ENTITIES.some((entity) => rights.can(entity, 'create'))) tools.push('import');
  if (permissions.includes('fields.manage')) tools.push('fields');
  tools.push('account');
  if (permissions.includes('users.manage') || permissions.includes('policy.manage')) tools.push('users');
  if (permissions.includes('users.manage')) tools.push('access');
  if (permissions.includes('roles.manage')) tools.push('roles');
  if (permissions.includes('audit.read')) tools.push('audit');
  // The retention review is for whoever erases what it lists.
  if (permissions.includes('privacy.erase')) tools.push('retention');
  return [
    { label: 'shell.navigationRecords', items: records },
    { label: 'shell.navigationTools', items: tools },
  ];
}

function routeOf(item: NavItem): Route {
  switch (item) {
    case 'home':
    case 'history':
    case 'trash':
    case 'import':
    case 'fields':
    case 'account':
    case 'users':
    case 'access':
    case 'roles':
    case 'audit':
    case 'retention':
      return { page: item };
    default:
      return { page: 'list', entity: item };
  }
}

/** The navigation item a route belongs to: a contact's page is under Contacts. */
export function sectionOf(route: Route): NavItem | null {
  switch (route.page) {
    case 'list':
      return route.entity;
    case 'new':
    case 'record':
      // A consent belongs to a contact; a kind of record without a list of its own to no section.
      return isListEntity(route.entity) ? route.entity : route.entity === 'consent' ? 'contact' : null;
    default:
      return route.page;
  }
}

interface ShellNavProps {
  groups: NavGroup[];
  /** The page shown now: its item is marked current ('page' on the item's own page, 'true' below it). */
  route: Route;
  onGo: (route: Route) => void;
}

export function ShellNav({ groups, route, onGo }: ShellNavProps) {
  const { t } = useI18n();
  const section = sectionOf(route);
  return (
    <nav aria-label={t('shell.navigation')} className="shell-nav">
      {groups.map((group) => (
        <ul key={group.label} aria-label={t(group.label)}>
          {group.items.map((item) => (
            <li key={item}>
              <button
                type="button"
                className="nav-item"
                aria-current={item === section ? (route.page === 'list' || route.page === item ? 'page' : 'true') : undefined}
                onClick={() => onGo(routeOf(item))}
              >
                {t(NAV_LABELS[item])}
              </button>
            </li>
          ))}
        </ul>
      ))}
    </nav>
  );
}
