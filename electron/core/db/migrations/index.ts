/**
 * Every migration, in order. Numbered, forward only: a migration is never edited once released;
 * a change is a new file.
 */
import type { Migration } from '../migrate';
import { initial } from './001_initial';
import { accounts } from './002_accounts';
import { records } from './003_records';
import { access } from './004_access';
import { history } from './005_history';
import { referenceIndexes } from './006_reference_indexes';
import { scopedListIndexes } from './007_scoped_list_indexes';
import { linkTitleIndexes } from './008_link_title_indexes';
import { recordIds } from './009_record_ids';
import { leanerIndexes } from './010_leaner_indexes';
import { contactListIndex } from './011_contact_list_index';
import { editIndexes } from './012_edit_indexes';
import { searchLetters } from './013_search_letters';
import { invoiceSearch } from './014_invoice_search';
import { invoiceIssueDay } from './015_invoice_issue_day';
import { searchRemovals } from './016_search_removals';
import { searchApostrophes } from './017_search_apostrophes';
import { taskModules } from './018_task_modules';
import { customFieldRetention } from './019_custom_field_retention';
import { searchPhones } from './020_search_phones';
import { customFieldSearch } from './021_custom_field_search';
import { searchJoinedNumbers } from './022_search_joined_numbers';
import { searchWrittenOut } from './023_search_written_out';
import { processingRestriction } from './024_processing_restriction';
import { marketingObjection } from './025_marketing_objection';
import { campaignConsentPurpose } from './026_campaign_consent_purpose';
import { numbersInOrder } from './027_numbers_in_order';
import { invoiceNumberAnyCase } from './028_invoice_number_any_case';

export const MIGRATIONS: readonly Migration[] = [initial, accounts, records, access, history, referenceIndexes, scopedListIndexes, linkTitleIndexes, recordIds, leanerIndexes, contactListIndex, editIndexes, searchLetters, invoiceSearch, invoiceIssueDay, searchRemovals, searchApostrophes, taskModules, customFieldRetention, searchPhones, customFieldSearch, searchJoinedNumbers, searchWrittenOut, processingRestriction, marketingObjection, campaignConsentPurpose, numbersInOrder, invoiceNumberAnyCase];
