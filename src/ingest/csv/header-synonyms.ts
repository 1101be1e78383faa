/**
 * Header names that tool exports use for each normalized field, in English and Spanish, compared after
 * `headerKey` (lower case, no accents, "_" between words). Earlier names win when a file has several
 * candidates for one field (a file with both "username" and "name" maps author to "username").
 */

export const CSV_FIELDS = [
  'id',
  'author',
  'created_at',
  'time',
  'text',
  'in_reply_to',
  'thread_id',
  'platform',
  'channel',
  'url',
  'rating',
  'lang',
  'role',
  'deleted',
  'agent',
  'reply_text',
  'reply_at',
  'reply_author',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

export const REQUIRED_FIELDS: readonly CsvField[] = ['id', 'author', 'created_at', 'text'];

export const HEADER_SYNONYMS: Record<CsvField, readonly string[]> = {
  id: [
    'id',
    'message_id',
    'post_id',
    'comment_id',
    'tweet_id',
    'review_id',
    'status_id',
    'id_del_mensaje',
    'id_mensaje',
    'id_comentario',
    'id_publicacion',
    'id_resena',
  ],
  author: [
    'author',
    'username',
    'user_name',
    'screen_name',
    'handle',
    'from',
    'sender',
    'user',
    'author_name',
    'contact',
    'contact_primary_identifier',
    'name',
    'autor',
    'usuario',
    'remitente',
    'nombre_de_usuario',
    'contacto',
    'nombre',
  ],
  created_at: [
    'created_at',
    'created_time',
    'timestamp',
    'datetime',
    'date',
    'created',
    'published_at',
    'published',
    'sent_at',
    'received',
    'publish_time',
    'date_time',
    'publication_date',
    'post_date',
    'fecha',
    'fecha_de_creacion',
    'fecha_creacion',
    'fecha_hora',
    'fecha_y_hora',
    'fecha_de_publicacion',
    'fecha_publicacion',
    'fecha_del_mensaje',
    'fecha_de_envio',
    'fecha_envio',
    'publicado',
    'enviado',
    'recibido',
  ],
  // The time of day when the export writes it apart from the date (Excel: "Fecha" + "Hora"). The reader combines
  // the two; a lone "time"/"hora" column that holds full timestamps is read as created_at instead.
  time: [
    'time',
    'hour',
    'time_of_day',
    'local_time',
    'time_utc',
    'time_gmt',
    'utc_time',
    'sent_time',
    'hora',
    'hora_local',
    'hora_utc',
    'hora_gmt',
    'hora_de_publicacion',
    'hora_publicacion',
    'hora_de_creacion',
    'hora_creacion',
    'hora_del_mensaje',
    'hora_de_envio',
    'hora_envio',
  ],
  text: ['text', 'message', 'content', 'body', 'comment', 'review', 'full_text', 'mensaje', 'texto', 'contenido', 'comentario', 'resena', 'opinion', 'cuerpo'],
  in_reply_to: [
    'in_reply_to',
    'in_reply_to_id',
    'in_reply_to_status_id',
    'parent_id',
    'parent',
    'reply_to',
    'in_response_to',
    'in_response_to_tweet_id',
    'respuesta_a',
    'en_respuesta_a',
    'id_del_padre',
    'id_padre',
  ],
  thread_id: [
    'thread_id',
    'conversation_id',
    'thread',
    'conversation',
    'case_id',
    'ticket_id',
    'ticket',
    'id_de_conversacion',
    'id_conversacion',
    'conversacion',
    'id_hilo',
    'hilo',
    'caso',
  ],
  // "channel", "source", "medium" also name the posting app ("Twitter for iPhone"): from those columns only
  // known network names are taken (see platformOf), so a thread is never cut in two by its client app.
  platform: ['platform', 'network', 'social_network', 'plataforma', 'red_social', 'red', 'channel', 'canal', 'medium', 'source', 'origen'],
  // Whose inbox, page or listing the row sits on (a social tool's export of several brands' profiles). Not
  // "channel": in exports that names the network or the posting app (see platform).
  channel: [
    'brand_channel',
    'channel_display_name',
    'page',
    'page_name',
    'pagina',
    'account',
    'brand_account',
    'brand',
    'marca',
    'social_profile',
    'profile',
    'profile_name',
    'cuenta_de_marca',
    'perfil_de_marca',
    'inbox',
    'bandeja',
  ],
  url: ['url', 'permalink', 'link', 'enlace'],
  rating: ['rating', 'stars', 'star_rating', 'score', 'puntuacion', 'valoracion', 'estrellas', 'nota'],
  lang: ['lang', 'language', 'idioma', 'lengua'],
  role: ['role', 'is_brand', 'direction', 'author_type', 'rol', 'es_marca', 'direccion', 'tipo_de_autor'],
  deleted: ['deleted', 'is_deleted', 'hidden', 'is_hidden', 'removed', 'borrado', 'eliminado', 'oculto'],
  // Who on the brand's team wrote a row: it names the author of a brand row that has none, and never makes a
  // row the brand's by itself (ticket exports repeat the assigned agent on the customer's rows too).
  agent: ['agent', 'agent_name', 'agente', 'nombre_del_agente', 'nombre_de_agente'],
  // A review spreadsheet: the owner's response in the review's own row.
  reply_text: [
    'owner_response',
    'owner_reply',
    'response',
    'reply',
    'business_response',
    'response_text',
    'reply_text',
    'respuesta',
    'respuesta_del_propietario',
    'respuesta_propietario',
    'respuesta_de_la_empresa',
    'respuesta_empresa',
    'respuesta_del_negocio',
    'texto_respuesta',
    'texto_de_la_respuesta',
  ],
  reply_at: [
    'response_date',
    'reply_date',
    'replied_at',
    'responded_at',
    'owner_response_date',
    'response_time',
    'fecha_respuesta',
    'fecha_de_respuesta',
    'fecha_de_la_respuesta',
    'fecha_respuesta_propietario',
  ],
  reply_author: ['responder', 'replied_by', 'response_author', 'respondido_por', 'autor_respuesta', 'autor_de_la_respuesta'],
};

/** A few accepted names per required field, English and Spanish, for error messages. */
export const SYNONYM_EXAMPLES: Partial<Record<CsvField, readonly string[]>> = {
  id: ['id', 'message_id', 'post_id', 'comment_id', 'id_mensaje', 'id_comentario'],
  author: ['author', 'username', 'from', 'user', 'autor', 'usuario', 'nombre'],
  created_at: ['created_at', 'date', 'timestamp', 'fecha', 'fecha_hora', 'publicado'],
  text: ['text', 'message', 'content', 'comment', 'mensaje', 'texto', 'comentario'],
};

/**
 * Words (of a header key) that suggest a required field when no synonym matched, e.g. "Mensaje del cliente"
 * → text, "Usuario que escribe" → author, "Publicado el" → created_at. Used only to suggest a --map, never
 * to map a column by itself.
 */
export const FIELD_WORDS: Partial<Record<CsvField, readonly string[]>> = {
  id: ['id', 'ids', 'n', 'no', 'nro', 'num', 'numero', 'number', 'key', 'uuid', 'guid', 'ref', 'referencia', 'codigo', 'code', 'identificador', 'identifier'],
  author: [
    'author',
    'autor',
    'autora',
    'user',
    'usuario',
    'usuaria',
    'username',
    'name',
    'nombre',
    'handle',
    'from',
    'sender',
    'remitente',
    'contact',
    'contacto',
    'cliente',
    'customer',
    'client',
    'who',
    'quien',
    'persona',
    'perfil',
    'profile',
    'account',
    'cuenta',
    'reviewer',
    'writer',
    'by',
  ],
  created_at: [
    'date',
    'fecha',
    'timestamp',
    'datetime',
    'created',
    'creado',
    'creada',
    'creacion',
    'publicado',
    'publicada',
    'publicacion',
    'published',
    'posted',
    'sent',
    'enviado',
    'envio',
    'received',
    'recibido',
    'when',
    'cuando',
    'dia',
    'day',
  ],
  text: [
    'text',
    'texto',
    'message',
    'mensaje',
    'content',
    'contenido',
    'body',
    'cuerpo',
    'comment',
    'comentario',
    'review',
    'resena',
    'opinion',
    'tweet',
    'caption',
    'descripcion',
    'description',
    'consulta',
    'queja',
    'pregunta',
  ],
};

const DEFINITE_PLATFORM_HEADERS = new Set(['platform', 'network', 'social_network', 'plataforma', 'red_social', 'red']);
const KNOWN_PLATFORMS = new Map([
  ['facebook', 'facebook'],
  ['fb', 'facebook'],
  ['instagram', 'instagram'],
  ['ig', 'instagram'],
  ['x', 'x'],
  ['twitter', 'x'],
  ['google', 'google'],
  ['google maps', 'google'],
  ['google business profile', 'gbp'],
  ['gbp', 'gbp'],
  ['tripadvisor', 'tripadvisor'],
  ['trustpilot', 'trustpilot'],
  ['yelp', 'yelp'],
  ['booking', 'booking'],
  ['booking.com', 'booking'],
  ['amazon', 'amazon'],
  ['mastodon', 'mastodon'],
  ['bluesky', 'bluesky'],
  ['reddit', 'reddit'],
  ['youtube', 'youtube'],
  ['whatsapp', 'whatsapp'],
  ['tiktok', 'tiktok'],
  ['linkedin', 'linkedin'],
  ['threads', 'threads'],
]);

/**
 * The platform of a row. A "platform"/"red" column (or one a tool map names as its network) is taken as
 * written; an ambiguous one ("channel", "source") only when it names a known network, else `fallback`.
 */
export function platformOf(value: string, columnKey: string, fallback = 'csv', definite = DEFINITE_PLATFORM_HEADERS.has(columnKey)): string {
  const key = value.trim().toLowerCase();
  if (key === '') return fallback;
  if (definite) return KNOWN_PLATFORMS.get(key) ?? key;
  return KNOWN_PLATFORMS.get(key) ?? fallback;
}

/** Spanish header names: their presence hints that numeric dates are day-first. */
const SPANISH_HEADERS = new Set([
  'id_del_mensaje',
  'id_mensaje',
  'id_comentario',
  'id_publicacion',
  'id_resena',
  'autor',
  'usuario',
  'remitente',
  'nombre_de_usuario',
  'contacto',
  'nombre',
  'fecha',
  'fecha_de_creacion',
  'fecha_creacion',
  'fecha_hora',
  'fecha_y_hora',
  'fecha_de_publicacion',
  'fecha_publicacion',
  'fecha_del_mensaje',
  'fecha_de_envio',
  'fecha_envio',
  'hora',
  'hora_local',
  'hora_utc',
  'hora_gmt',
  'hora_de_publicacion',
  'hora_publicacion',
  'hora_de_creacion',
  'hora_creacion',
  'hora_del_mensaje',
  'hora_de_envio',
  'hora_envio',
  'publicado',
  'enviado',
  'recibido',
  'mensaje',
  'texto',
  'contenido',
  'comentario',
  'resena',
  'opinion',
  'cuerpo',
  'respuesta_a',
  'en_respuesta_a',
  'id_del_padre',
  'id_padre',
  'id_de_conversacion',
  'id_conversacion',
  'conversacion',
  'id_hilo',
  'hilo',
  'caso',
  'plataforma',
  'red_social',
  'red',
  'canal',
  'origen',
  'enlace',
  'puntuacion',
  'valoracion',
  'estrellas',
  'nota',
  'idioma',
  'lengua',
  'rol',
  'es_marca',
  'direccion',
  'tipo_de_autor',
  'borrado',
  'eliminado',
  'oculto',
  'agente',
  'nombre_del_agente',
  'nombre_de_agente',
]);

export function looksSpanish(headerKeys: readonly string[]): boolean {
  return headerKeys.some((key) => SPANISH_HEADERS.has(key));
}

const BRAND_VALUES = new Set([
  'brand',
  'marca',
  'company',
  'empresa',
  'business',
  'owner',
  'propietario',
  'agent',
  'agente',
  'outbound',
  'outgoing',
  'saliente',
  'sent',
  'enviado',
  'staff',
  'page',
  'pagina',
]);
const CUSTOMER_VALUES = new Set([
  'customer',
  'cliente',
  'user',
  'usuario',
  'consumer',
  'consumidor',
  'inbound',
  'incoming',
  'entrante',
  'received',
  'recibido',
  'fan',
  'visitor',
  'visitante',
]);
const TRUE_VALUES = new Set(['true', '1', 'yes', 'y', 'si', 'x', 'verdadero']);
const FALSE_VALUES = new Set(['false', '0', 'no', 'n', 'falso', '']);

/** Reads a role cell. Boolean columns (is_brand, es_marca) mean "is the brand". */
export function parseRoleCell(value: string, columnKey: string): 'brand' | 'customer' | null | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (key === '') return undefined;
  if (BRAND_VALUES.has(key)) return 'brand';
  if (CUSTOMER_VALUES.has(key)) return 'customer';
  if (columnKey === 'is_brand' || columnKey === 'es_marca') {
    if (TRUE_VALUES.has(key)) return 'brand';
    if (FALSE_VALUES.has(key)) return 'customer';
  }
  return null;
}

const DELETED_VALUES = new Set([...TRUE_VALUES, 'deleted', 'borrado', 'eliminado', 'hidden', 'oculto', 'removed']);

/** Reads a deleted/hidden flag; null when the value means nothing we know. */
export function parseFlagCell(value: string): boolean | null {
  const key = value
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  if (DELETED_VALUES.has(key)) return true;
  if (FALSE_VALUES.has(key)) return false;
  return null;
}
