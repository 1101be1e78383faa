/** The YouTube readers' warnings and notes in Spanish (Takeout comments.csv and Data API JSON). */
export const YOUTUBE_ES: Readonly<Record<string, string>> = {
  // Google Takeout comments.csv
  'youtube-takeout.no-id': 'el id del comentario está vacío; fila omitida',
  'youtube-takeout.no-channel': 'comentario {id}: el id del canal está vacío; fila omitida',
  'youtube-takeout.bad-date': 'comentario {id}: «{value}» no es una hora ISO 8601 con desfase horario (como 2023-09-19T17:42:53.434647+00:00); fila omitida',
  'youtube-takeout.bad-text': 'comentario {id}: el texto parece el JSON de fragmentos de Takeout pero no se puede leer; se conserva tal cual',
  'youtube-takeout.bad-channel-file': '{file}, junto a los comentarios, no trae columnas de id y título del canal; el canal se nombra por su id',
  'youtube-takeout.channel-named': 'el canal {id} se llama «{name}» en {file}: sus comentarios figuran como de «{name}»; usa --brand "{name}"',
  'youtube-takeout.channel-id-only':
    'de la cuenta solo se sabe el id del canal, {id} (no hay channel.csv junto al archivo; Takeout lo guarda en channels/): usa --brand {id}',
  'youtube-takeout.several-channels':
    'hay comentarios de {n:canal:canales} ({ids}): cada uno figura como de su canal; indica con --brand los que quieras auditar',
  'youtube-takeout.parent-from-id':
    '{n:respuesta no indica a qué comentario responde:respuestas no indican a qué comentario responden}; se dedujo del propio id de la respuesta (<padre>.<sufijo>)',
  'youtube-takeout.broken-texts': '{n:texto de comentario era JSON roto y se cita:textos de comentario eran JSON roto y se citan} tal cual',
  'youtube-takeout.own-comments':
    'un Takeout de YouTube solo guarda los comentarios de la propia cuenta: no están los comentarios a los que respondió, así que con él no se pueden juzgar los tiempos de respuesta ni los comentarios ignorados',

  // YouTube Data API (commentThreads.list / comments.list)
  'youtube-api.bad-comment': 'entrada {n}: un comentario sin «{what}»; omitido',
  'youtube-api.bad-date': 'comentario {id}: publishedAt «{value}» no es una hora ISO 8601 con desfase horario; omitido',
  'youtube-api.bad-entry': 'la entrada {n} no es un objeto JSON; omitida',
  'youtube-api.not-comment': 'la entrada {n} no es ni un hilo de comentarios ni un comentario; omitida',
  'youtube-api.error-response': 'la entrada {n} es una respuesta de error de la API ({code}: {message}), no comentarios; omitida',
  'youtube-api.channel-named': 'los comentarios están bajo los vídeos del canal {id}, que comenta como «{name}»: usa --brand "{name}"',
  'youtube-api.channel-id-only': 'los comentarios están bajo los vídeos del canal {id}, que no comenta en el archivo: para auditarlo usa --brand {id}',
  'youtube-api.several-channels': 'los comentarios están bajo vídeos de {n:canal:canales} ({names}): cada comentario cuenta en el canal de su vídeo',
  'youtube-api.missing-replies':
    '{n:hilo tiene:hilos tienen} más respuestas de las que trae el archivo ({missing:respuesta no está:respuestas no están}): commentThreads.list devuelve como mucho 5 por hilo; guarda comments.list?parentId=<id del hilo> para el resto',
  'youtube-api.more-pages': 'todas las páginas del archivo traen "nextPageToken": la lista sigue más allá de la última página guardada',
  'youtube-api.edited':
    '{n:comentario se editó:comentarios se editaron} (updatedAt posterior a publishedAt): se conserva el último texto, con la hora de la primera publicación',
  'youtube-api.rejected':
    '{n:comentario rechazado por el canal (moderationStatus), marcado como borrado:comentarios rechazados por el canal (moderationStatus), marcados como borrados}',
  'youtube-api.held': 'comentarios retenidos para revisión o como posible spam: {n}; se leen como publicados, aunque el público aún no los ve',
  'youtube-api.unnamed': 'sin nombre de autor ni id de canal, {n:comentario figura:comentarios figuran} como de «{name}»',
  'youtube-api.duplicates':
    '{n:comentario aparecía más de una vez (páginas solapadas); se leyó:comentarios aparecían más de una vez (páginas solapadas); se leyeron} una sola vez',
};
