/** Core messages of the access part of the core (see index.ts). Ids start with 'access.'. */
export const ACCESS_MESSAGES = {
  'access.teamNameTaken': 'A team with that name exists already.',
  'access.ownRole': 'Ask another administrator to change your own role, so nobody locks themselves out.',
  'access.roleNeedsName': 'Give the role a name.',
  'access.ownOverrides': 'You cannot take away your own right to manage users: ask another administrator, so nobody locks themselves out.',
  'access.lastUserManager':
    'Nothing was changed: afterwards no active user could manage users, and nobody could give that right back. Let another active user manage users first.',
  /** {team}: the id of the team. */
  'access.noSuchTeam': 'There is no team {team}.',
  /** {right}: the right as written, e.g. "task:data.export". */
  'access.notARight': '"{right}" is not a right.',
  'access.exceptionTwice': '"{right}" has more than one exception; keep one.',
  'access.unknownScope': 'Unknown scope.',
  'access.unknownFieldAccess': 'Unknown field access.',
  /** {role}: the id of the role. */
  'access.userRoleGone': 'The user\'s role "{role}" no longer exists.',
  /** {field}: the field's label. */
  'access.fieldHidden': 'You may not see the field "{field}".',
  'access.ownerNotActive': 'Choose an active user as the new owner.',
  'access.campaignPublished': 'This campaign is published already.',
  'access.campaignWithoutMessage': 'Write the message before publishing.',
  /** {field}: the label of the campaign's consent field. */
  'access.campaignWithoutConsent': 'Fill in "{field}" before publishing: a campaign goes only to people who agreed to it.',
  /** {purpose}: the consent the campaign names. */
  'access.campaignReachesNoOne': 'Nobody may receive this campaign: no one with a standing consent for "{purpose}" is left in. Check the spelling against the consents people gave (on the campaign’s page).',

  /** {role}: the id of the role. */
  'access.unknownRole': 'There is no role "{role}".',
  'access.builtInRole': 'Built-in roles cannot be changed. Copy the role and change the copy.',
  'access.roleNameTaken': 'A role with that name exists already.',
  'access.noSuchRole': 'No such role.',
  'access.ownRoleEdit': 'Ask another user who manages roles to change the role you hold yourself, so nobody widens their own rights or locks themselves out.',
  /** {kind}: task or module; {name}: its name as the role editor shows it ("Erase a person’s data", "Finance"). */
  /** {field}: the field's label. */
  'access.specialNotRevealed': '{field} is special-category data: it is not revealed. Only those whose role may read it see it.',
  'access.roleRightNotHeld': 'You cannot give a role the {kind} "{name}": you do not hold it yourself.',
  /** {action}: "Export"; {entity}: the kind of record, plural, lower case ("contacts"); {scope}, {held}: "None", "Own", "Team" or "All". */
  'access.roleScopeNotHeld': 'You cannot give a role "{action}" on {entity} with scope "{scope}": yours is "{held}".',
  /** {field}: the field's label; {entity}: as above; {access}, {held}: "Hidden", "Masked", "Read" or "Edit". */
  'access.roleFieldNotHeld': 'You cannot give a role "{access}" on the field "{field}" of {entity}: yours is "{held}".',
  /** {sensitivity}: normal, personal or special-category (before "fields"); {access}, {held}: as above. */
  'access.roleDefaultNotHeld': 'You cannot give a role "{access}" on {sensitivity} fields: your role gives "{held}", and a field added later would follow it.',

  'access.passwordTooShort': 'Use at least {min} characters',
  /** {why}, {hint}: a sentence each — what makes it guessable, and what to do about it. */
  'access.passwordTooGuessable': 'This password is too easy to guess. {why} {hint}',
  /** {hint}: a sentence — what to do about it; for when the estimator names no reason. */
  'access.passwordTooGuessableHintOnly': 'This password is too easy to guess. {hint}',

  'access.keychainUnreachable':
    'The OS keychain is not reachable. This install keeps its device key there, so it cannot be unlocked until the keychain answers.',
  /** {reason}: what the keychain or the timeout said (technical, as it came). */
  'access.keychainFailed':
    'The OS keychain is not reachable ({reason}). This install keeps its device key there, so it cannot be unlocked until the keychain answers.',
  'access.deviceKeyMissing':
    'The device key of this install (keychain item "kluis" / {installId}) is missing from the OS keychain, so the data cannot be unlocked on this device.',

  'access.ownAccount': 'You cannot disable or reset your own account: another administrator can do that for you. Your own password and recovery codes are changed on the Account page in the app.',
  'access.usernameTaken': 'That username is taken.',
  /** {username}: the existing user's name, as written. */
  'access.usernameLooksTaken': 'That username looks the same as "{username}", an existing user: choose one nobody can mistake for it.',
  'access.accountDisabled': 'This account is disabled.',
  'access.accountActive': 'This account is not disabled.',

  /** {dataDir}: a folder. */
  'access.dataDirNotFolder': '{dataDir} is a file, not a folder: choose a folder for the install.',
  /** {folder}: the folder as given (a data or backup folder); {limit}: a number of characters. */
  'access.folderPathTooLong': 'The path {folder} is too long for Kluis to keep its database there: choose a folder whose path is at most {limit} characters. Nothing was written.',
  /** {dataDir}: the folder as given. */
  'access.dataDirNotCreated': 'The folder {dataDir} cannot be created: check the path, and that you may write there. Nothing was changed.',
  'access.installExists': '{dataDir} already holds a Kluis install; nothing was changed.',
  'access.keychainRequired': 'No OS keychain answered, and the policy requires one; nothing was changed.',

  /** {dataDir}: a folder. */
  'access.noInstall': 'No Kluis install in {dataDir} (vault.json is missing).',
  /**
   * {dataDir}: the data folder. A setup still running elsewhere (for the seconds it takes), a stopped
   * setup and a lost vault look the same: Kluis deletes none of them, and the reader is told to look first.
   */
  'access.vaultMissingBesideDatabase':
    '{dataDir} holds kluis.db but not vault.json: a setup still running in another window or the admin tool shows this for a few seconds, a setup stopped before it finished leaves it, and so does a vault.json lost since. Nothing was changed. If no setup is running: restore the folder from a backup, or, after a stopped setup, remove kluis.db and set up again.',
  'access.vaultNotJson': 'vault.json is damaged: it is not valid JSON.',
  'access.vaultTooNew': 'vault.json was written by a newer Kluis (format {format}); update Kluis to open it.',
  'access.vaultMalformed': 'vault.json is damaged: its contents do not match the expected format.',
  'access.vaultKeyDamaged': 'vault.json is damaged: the database key kept for this account cannot be opened. Nothing was changed: restore the data folder from a backup.',

  'access.databaseKeyLength': 'The database key has the wrong length.',
  'access.databaseDamaged': 'The database file is damaged, or it is not this install’s. Nothing was changed: restore the data folder from a backup.',
  'access.folderNotWritable': 'Kluis may not read or write its data folder or a file in it. Nothing is damaged and nothing was changed: check that the folder and its files may be written by you (and the disk is not read-only), then try again.',
  'access.databaseMissing': 'The database file (kluis.db) is missing from the data folder. Nothing was changed: restore the data folder from a backup.',

  /** {folder}: the backup's folder, as a full path. */
  'access.backupFolderNotEmpty': '{folder} is not empty. Give a new or empty folder for the backup; nothing was written.',
  'access.backupFolderIsFile': '{folder} is a file, not a folder. Give a new or empty folder for the backup; nothing was written.',
  'access.backupFolderNotCreated': 'The folder {folder} cannot be created: check that the folder it goes in exists and that you may write there. Nothing was written.',
  'access.backupInsideDataFolder': '{folder} is the data folder or inside it, and would be lost with it. Give a folder elsewhere, on another disk if you can; nothing was written.',
  'access.backupDiskFull': 'The disk of {folder} is full: the backup did not fit and was removed. Free some space there, or choose another disk; the install itself was not changed.',
  'access.backupFolderNotWritable': 'Kluis may not write in {folder}: check that you may write there (and the disk is not read-only). Nothing was kept; the install itself was not changed.',
  'access.backupKeptChanging': 'The install’s keys kept changing while the backup was made (new users or passwords, in another window). Nothing was kept: try again in a moment.',
  'access.backupDidNotCheckOut': 'The backup did not pass its check (every page read, the audit log whole), so it was removed. The install itself was not changed: run check on it.',

  /** {found}: the schema version of the database; {known}: the newest this app knows. */
  'access.schemaTooNew':
    'This database was written by a newer version of Kluis (schema {found}; this app knows up to {known}). Update Kluis to open it.',
} as const;
