/** The Bluesky readers' warnings and notes in Spanish (bluesky-repo, bluesky-thread). */
export const BLUESKY_ES: Readonly<Record<string, string>> = {
  // The repository export (.car)
  'bluesky.car-cut':
    'el archivo está cortado o dañado en el byte {byte} (a {left} bytes del final): faltan los bloques desde ahí (vuelve a descargar la exportación)',
  'bluesky.car-bad-addresses': 'bloques omitidos por tener una dirección (CID) ilegible: {n}',
  'bluesky.car-records-missing': 'publicaciones que figuran en el árbol del repositorio pero no están en el archivo (omitidas): {n}',
  'bluesky.car-records-broken': 'publicaciones que no son DAG-CBOR válido (omitidas): {n}',
  'bluesky.car-not-posts': 'registros de app.bsky.feed.post que no son una publicación (otro "$type"; omitidos): {n}',
  'bluesky.car-tree-missing': 'partes del árbol del repositorio que faltan en el archivo: {n}; no están los registros que cuelgan de ellas',
  'bluesky.car-tree-broken': 'partes del árbol del repositorio que no se pudieron leer: {n}; no están los registros que cuelgan de ellas',
  'bluesky.bad-date': 'publicación {id}: "createdAt" «{value}» no es una hora RFC 3339 con desfase horario; omitida',
  'bluesky.repo-did-only':
    'el repositorio nombra su cuenta solo por su DID, {did}, que queda como autor de todas las publicaciones: ponlo en --brand (p. ej. --brand {did}) o deja junto al .car un hilo guardado de la cuenta para saber su handle',
  'bluesky.repo-handle-file': 'la cuenta {did} es {handle}, según {file}, que está junto a la exportación',
  'bluesky.repo-handle-mention': 'la cuenta {did} es {handle}, según una publicación en la que se menciona a sí misma',
  'bluesky.repo-own-posts':
    'un repositorio de Bluesky guarda solo las publicaciones de la propia cuenta: los textos de los clientes no están; cada publicación a la que respondió es un hueco sin texto (véase abajo)',
  'bluesky.client-time':
    'la hora de cada publicación es su "createdAt", que pone la aplicación que publica: una aplicación puede antedatarla (lo hacen las importaciones desde otras redes)',
  'bluesky.repo-placeholders':
    '{n:publicación respondida por la cuenta es un hueco:publicaciones respondidas por la cuenta son huecos} sin texto, con la hora de su clave de registro y el DID como autor: no se sabe si había que responder',
  'bluesky.parent-time-unknown':
    '{n:respuesta contesta a una publicación:respuestas contestan a publicaciones} cuya clave de registro no da una hora utilizable (no es un TID o es posterior a la respuesta); no se creó el hueco',
  'bluesky.repo-other-records': 'otros registros del repositorio, que no son publicaciones y solo se cuentan: {n} ({list})',

  // API JSON (getPostThread, feeds, post lists)
  'bluesky.thread-bad-date': 'publicación {id}: "createdAt" «{value}» no es una hora RFC 3339 con desfase horario y no hay "indexedAt"; omitida',
  'bluesky.thread-time':
    'la hora de cada publicación es la más temprana entre "createdAt" (la pone la aplicación que publica) e "indexedAt" (cuando Bluesky la recibió), como ordena Bluesky',
  'bluesky.future-dated': '{n:publicación tenía:publicaciones tenían} fecha posterior a su llegada a Bluesky: se usa la hora de "indexedAt"',
  'bluesky.backdated':
    '{n:publicación tiene:publicaciones tienen} fecha de más de un día antes de su llegada a Bluesky (por importación o antedatado): se mantiene la hora de "createdAt"',
  'bluesky.indexed-only': '{n:publicación no trae:publicaciones no traen} un "createdAt" legible: se usa la hora de "indexedAt"',
  'bluesky.deleted':
    '{n:publicación borrada (notFound) es un hueco:publicaciones borradas (notFound) son huecos} sin texto, con la hora de su clave de registro; en Bluesky solo borra una publicación quien la escribió, así que los borrados no se juzgan',
  'bluesky.deleted-undated':
    '{n:publicación borrada (notFound) no tiene:publicaciones borradas (notFound) no tienen} ni hora en su clave de registro ni publicación madre en el archivo: fuera del análisis',
  'bluesky.hidden': 'quien abrió el hilo ocultó {n:respuesta, marcada como oculta:respuestas, marcadas como ocultas} (threadgate)',
  'bluesky.blocked':
    '{n:publicación queda oculta por un bloqueo (blockedPost) y no está:publicaciones quedan ocultas por un bloqueo (blockedPost) y no están} en el archivo',
  'bluesky.reposts': '{n:republicación se dejó fuera:republicaciones se dejaron fuera}: las republicaciones son publicaciones de otras cuentas',
  'bluesky.too-deep': 'el hilo anida más de {max} niveles (más de lo que la API llega a devolver): no se leyó lo que queda por debajo',
  'bluesky.no-uri':
    '{n:registro de publicación no trae:registros de publicación no traen} "uri" (un registro suelto no dice ni qué publicación es ni quién la escribió), fuera del análisis: guarda la respuesta de la API, que sí lo trae',
  'bluesky.bad-entry': '{n:elemento no es:elementos no son} una publicación, un hilo ni una publicación borrada de Bluesky: fuera del análisis',
};
