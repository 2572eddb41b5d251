/** Rules both sides must agree on, so the form and the core say the same thing. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
export const USERNAME_PATTERN = /^[\p{L}\p{N}._-]{2,64}$/u;
export const ORG_NAME_MAX_LENGTH = 200;
