/** @module Escaping text for HTML and XML character data and attribute values. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes `& < > " '`: safe in HTML/XML text and in double- or single-quoted attributes. */
export const escapeHTML = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
