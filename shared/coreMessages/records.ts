/** Core messages of the records part of the core (see index.ts). Ids start with 'records.'. */
export const RECORDS_MESSAGES = {
  /** {entity}: a kind of record, lower case. */
  'records.mayNotUpdate': 'You may not update this {entity}.',
  'records.mayNotDelete': 'You may not delete this {entity}.',
  'records.mayNotRestore': 'You may not restore this {entity}.',
  'records.mayNotExport': 'You may not export this {entity}.',
  /** {field}: the field's label. */
  'records.setByAction': '"{field}" changes only through its own action.',
  'records.mayNotChangeField': 'You may not change the field "{field}".',
  'records.invalidValues': 'Some values are not valid.',
  'records.referenceMissing': 'That record does not exist',
  'records.fieldNeeded': 'This field is needed for Kluis to work and cannot be switched off.',
  'records.fieldHoldsValues': '{count} records hold a value in this field. Switching it off deletes those values for good.',
  'records.fieldHoldsValuesOne': '1 record holds a value in this field. Switching it off deletes that value for good.',
  'records.fieldNeedsPurpose': 'Say what the field is for: no field without a purpose.',
  'records.fieldNeedsLegalBasis': 'Choose the legal basis for processing it.',
  'records.fieldNeedsName': 'Give the field a name.',
  'records.fieldNeedsRetention': 'Say how long values are kept.',
  'records.fieldIncomplete': 'The field needs a purpose and a legal basis.',
  'records.fieldNotComplete': 'The field is not complete yet: see what is missing below.',
  'records.fieldExists': 'A field with that name exists already.',
  /** {entity}: a kind of record, lower case. */
  'records.cannotSortByDue': 'A {entity} list cannot be sorted by due date.',
  'records.badCursor': 'The page cursor is not valid.',
  /** {key}: the field key the list was asked to filter on. */
  'records.cannotFilter': 'Cannot filter on "{key}".',
  'records.reminderPaid': 'A reminder is only for unpaid invoices; this one is paid.',
  'records.reminderDraft': 'A reminder is only for unpaid invoices; this one is draft.',
  'records.required': 'This field is required',
  'records.expectedText': 'Expected text',
  'records.tooLong': 'Use at most {max} characters',
  'records.tooShort': 'Use at least {min} characters',
  'records.badEmail': 'Not a valid e-mail address',
  'records.badPhone': 'Not a valid phone number',
  'records.badUrl': 'Use a web address starting with http:// or https://',
  'records.badDate': 'Use a date as YYYY-MM-DD',
  'records.negativeAmount': 'Enter an amount of 0 or more',
  'records.expectedWholeNumber': 'Expected a whole number',
  /** {options}: the option keys, comma-separated. */
  'records.chooseOption': 'Choose one of: {options}',
  'records.expectedYesNo': 'Expected yes or no',
  'records.chooseRecord': 'Choose a record',
  'records.fieldNotInUse': 'This field is not in use',
  'records.notValid': 'Not valid',
  'records.notAnAmount': 'Not an amount; write it like 1234,56',
  'records.expectedYesNoCell': 'Expected yes or no (ja/nee, true/false, 1/0)',
  'records.notADateCell': 'Not a date; write it as DD-MM-YYYY or YYYY-MM-DD',
  'records.expectedCountryCode': 'Not a country Kluis knows; write its two-letter code, such as NL or BE',
  /** {cells}: how many cells the row has; {columns}: how many columns the header names. */
  'records.rowTooWide': 'This row has {cells} cells but the header has {columns} columns',
  'records.fileEmpty': 'The file is empty.',
  'records.fileTooLarge': 'The file is larger than 50 MB. Split it into smaller files and import them one by one.',
  'records.fileUnreadable': 'The file could not be read.',
  'records.fileBinary': 'This is not a CSV file: it contains binary data.',
  'records.fileNotUtf8': 'The file is UTF-16 text, which Kluis cannot read. Save it as "CSV UTF-8" and try again.',
  /** {row}: the row number a spreadsheet shows. */
  'records.quoteNotClosed': 'Row {row} has a quote (") that is never closed, so the rest of the file cannot be read. Check the quotes in that row.',
  'records.fileNoRows': 'The file has a header but no rows.',
  /** {column}: the column's header; {field}: the label of the field it is mapped to. */
  'records.mappedNotImportable': 'The column "{column}" is mapped to {field}, which cannot be imported. Map it to another field or leave it out.',
  'records.mappedSwitchedOff': 'The column "{column}" is mapped to {field}, which is switched off. Map it to another field or leave it out.',
  /** {key}: what the mapping named; {entities}: the kind of record imported, plural, lower case. */
  'records.mappedNotAField': 'The column "{column}" is mapped to "{key}", which is not a field of {entities}. Map it to another field or leave it out.',
  'records.mappingUnknownColumn': 'The mapping names a column that is not in the file: "{column}".',
  /** {first}, {second}: the headers of the two columns. */
  'records.mappedTwice': 'Two columns are mapped to {field}: "{first}" and "{second}". Map each field once.',
  /** {field}: the label of a required field; {entity}: the kind of record imported, lower case. */
  'records.importNeedsColumn': '{field}: no column is mapped to it, and every {entity} needs one.',
  /** {entity}: the entity's key in the registry (a fault in Kluis, not in the input). */
  'records.noTitleField': 'No title field for {entity}.',
  'records.lockedDuringExport': 'Kluis was locked during the export, which stopped. No file was made: export again.',
  'records.exportRunning': 'An export with this id is already running.',
  'records.lockedDuringImport': 'Kluis was locked during the import, which stopped. Nothing was imported: import the file again.',
  'records.importRunning': 'An import with this id is already running.',
  'records.seedContacts': 'The number of contacts must be a whole number from 1 to {max}.',
  'records.seedNumber': 'The seed must be a whole number from 0 to 4294967295.',
} as const;
