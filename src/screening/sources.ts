/** The title of the source protocol that the default rule set and region profiles encode. */
export const PROTOCOL_TITLE = 'Osteochondrosis and acupuncture';
