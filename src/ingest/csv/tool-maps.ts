/**
 * Built-in column maps for the CSV exports of social-care tools (formats.md §3.1). A tool is recognised by
 * headers only its exports write; its columns are then read as the generic CSV's fields, and the report
 * names the tool as the format (`csv:<tool>`). `--map` still wins over a built-in map, column by column.
 *
 * Agorapulse has no map: no public column list was found, so its exports are read as any generic CSV.
 */
import type { CsvField } from './header-synonyms.js';

export interface ToolMap {
  /** The tool's short name: the format is `csv:<tool>` and posts without a network are on that platform. */
  tool: string;
  title: string;
  /** Header keys (see `headerKey`): the export is the tool's when every key of one set is present. */
  signatures: readonly (readonly string[])[];
  /**
   * Per field, the header keys the tool writes, most preferred first. The first present column is the
   * field's; the others fill a row whose cell there is empty (a contact with no handle but a name).
   */
  columns: Partial<Record<CsvField, readonly string[]>>;
  /**
   * The rows are keyed by conversation, not by author: the contact columns name the customer on every row,
   * the outbound ones included. On a row the direction column marks outbound, the author is the brand's
   * channel (or, without one, the agent), never the contact.
   */
  contactKeyed: boolean;
  /** The export may have no message id: ids are made from the conversation and the row. */
  idsOptional: boolean;
  /** The error for one of the tool's exports that has no message text (one row per conversation). */
  noText: string;
  /** What the map takes on trust, stated in the report beside the columns it used. */
  unverified: string;
  /** Said when the dates carry no offset, with the zone they were read in. */
  zone?: string;
  /** Catalogue ids of the notes that name the tool (their Spanish sentences say the tool's facts). */
  noteIds: { map: string; zone?: string };
}

/**
 * Hootsuite Inbox 2.0 and Sparkcentral (the same product under two names) share their data exports. The
 * conversation-level headers are documented (Conversation ID, Medium, Channel, Channel Display Name,
 * Contact Profile ID, Contact Primary/Secondary Identifier, Created at); the Messages export's own columns
 * (message id, direction, text, agent) are not public, so those names are guesses kept loose on purpose.
 * The Spanish names are the help centre's translation; whether the CSV itself is translated is unverified.
 */
const HOOTSUITE: ToolMap = {
  tool: 'hootsuite',
  title: 'Hootsuite Inbox 2.0 / Sparkcentral data export (CSV)',
  signatures: [
    ['conversation_id', 'contact_primary_identifier'],
    ['conversation_id', 'channel_display_name'],
    ['conversation_id', 'contact_profile_id'],
    ['id_de_conversacion', 'identificador_principal_de_contacto'],
    ['id_de_conversacion', 'nombre_para_mostrar_del_canal'],
  ],
  columns: {
    id: ['message_id', 'id', 'id_del_mensaje', 'id_de_mensaje'],
    thread_id: ['conversation_id', 'id_de_conversacion'],
    author: [
      'contact_primary_identifier',
      'identificador_principal_de_contacto',
      'contact_secondary_identifier',
      'identificador_secundario_de_contacto',
      'contact_profile_id',
      'id_de_perfil_de_contacto',
    ],
    created_at: ['message_created_at', 'sent_at', 'created_at', 'creado_el', 'fecha_de_creacion', 'fecha'],
    text: ['message', 'message_text', 'text', 'content', 'body', 'mensaje', 'texto', 'contenido'],
    role: ['direction', 'message_direction', 'direccion', 'direccion_del_mensaje'],
    agent: ['agent', 'agent_name', 'author_agent', 'agente', 'nombre_del_agente', 'agent_id', 'id_del_agente'],
    channel: ['channel_display_name', 'nombre_para_mostrar_del_canal'],
    platform: ['medium', 'mediano', 'medio'],
  },
  contactKeyed: true,
  idsOptional: true,
  noText:
    'this is a Hootsuite Inbox 2.0 / Sparkcentral export with one row per conversation and no message text (resolved or open conversations, contacts, response times…); export the "Messages" type instead (Analytics > Exports > On-demand > Export type)',
  unverified: 'the documented columns are the conversation ones; the message id, direction, text and agent names are unverified',
  zone: 'Hootsuite writes dates in the time zone picked when the export was made, without an offset',
  noteIds: { map: 'generic-csv.tool-map.hootsuite', zone: 'generic-csv.tool-zone.hootsuite' },
};

/**
 * Sprout Social: only the API's message data is documented (created_time, customer_profile_id, from, network,
 * text…); no inbox CSV column list was found. The map reads those names as a flattened CSV would write them
 * (`from.screen_name` → from_screen_name) and marks no direction: the brand handles decide.
 */
const SPROUT_SOCIAL: ToolMap = {
  tool: 'sprout-social',
  title: 'Sprout Social message data (CSV, unverified)',
  signatures: [['created_time', 'customer_profile_id']],
  columns: {
    id: ['guid', 'message_id', 'id'],
    author: ['from_screen_name', 'from_name', 'from', 'from_guid'],
    created_at: ['created_time'],
    text: ['text', 'message'],
    in_reply_to: ['parent_guid', 'parent_id', 'in_reply_to'],
    platform: ['network'],
    channel: ['profile_name', 'customer_profile_name'],
    url: ['permalink', 'perma_link', 'inbox_permalink'],
    lang: ['language', 'lang'],
    role: ['direction', 'message_direction'],
  },
  contactKeyed: false,
  idsOptional: false,
  noText: 'this Sprout Social file has no message text column; export the messages (Message Data), not a profile or post report',
  unverified: 'no Sprout Social CSV column list is public: the names are those of its API message data',
  noteIds: { map: 'generic-csv.tool-map.sprout-social' },
};

export const TOOL_MAPS: readonly ToolMap[] = [HOOTSUITE, SPROUT_SOCIAL];

/** The tool whose export a header is, or undefined. */
export function toolOfHeader(keys: readonly string[]): ToolMap | undefined {
  const present = new Set(keys);
  return TOOL_MAPS.find((map) => map.signatures.some((signature) => signature.every((key) => present.has(key))));
}
