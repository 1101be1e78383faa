import { BLUESKY_ES } from './input-messages-es-bluesky.js';
import { REDDIT_ES } from './input-messages-es-reddit.js';
import { YOUTUBE_ES } from './input-messages-es-youtube.js';
import { GENERIC_CSV_ES } from './input-messages-es-generic-csv.js';
/**
 * The input warnings and notes in Spanish, by catalogue id (a warning's id defaults to its code). Written
 * for a Spanish reader, not word for word; `{key}` is filled from the warning's or note's data,
 * `{n:uno:varios}` writes the number with the singular or plural word. A template whose data is missing
 * is not used: the English sentence is shown instead.
 */
export const INPUT_MESSAGES_ES: Readonly<Record<string, string>> = {
  // Reading files, folders and archives
  'decoded-as': 'leído como {encoding}',
  'no-posts': 'este archivo ({format}) no trae ninguna publicación utilizable',
  'empty-file': 'el archivo está vacío',
  'binary-file': 'no es un archivo de texto (datos binarios: ¿una hoja de cálculo, un comprimido, una imagen?); expórtalo como CSV; archivo omitido',
  'unknown-format': 'formato desconocido: ningún lector lo reconoce (véase `second-impression formats`); archivo omitido',
  'symlink-skipped': 'no se siguen los enlaces simbólicos dentro de una carpeta; para leer el destino, nómbralo directamente',
  'symlink-skipped.archive': 'no se siguen los enlaces simbólicos dentro de un comprimido',
  'encrypted-entry': 'una entrada cifrada no se puede leer; descomprímela con su contraseña y nombra el archivo',
  'unsupported-compression': 'el método de compresión {method} no está soportado (solo entradas almacenadas o deflate); descomprime el archivo y nómbralo',
  'duplicate-entry': 'el comprimido contiene este nombre dos veces; se leyó la primera entrada',
  'nested-archive-skipped.depth': 'no se abre un zip dentro de un zip dentro de un zip (como mucho {max} nivel)',
  'nested-archive-skipped.size': 'un zip dentro del comprimido se abre en memoria, hasta {max}; descomprime el exterior para leerlo',
  'invalid-utf8': 'UTF-8 no válido en el byte {byte}; desde ahí esos bytes se muestran como � (vuelve a guardar el archivo en UTF-8)',
  'invalid-utf8.truncated': 'el archivo acaba a mitad de un carácter UTF-8 (¿archivo truncado?)',

  // CSV and JSON Lines
  'unterminated-quote': 'un campo entrecomillado abierto en la línea {line} no se cierra nunca; esa línea se omitió',
  'record-too-large': 'el registro que empieza en la línea {line} pasa de {max} caracteres (¿unas comillas sin cerrar?); esa línea se omitió',
  'too-many-problems': 'más de {max} registros rotos; se omitió el resto del archivo',
  'ragged-row': 'se esperaban {expected} campos y hay {found}; fila omitida',
  'line-too-long': 'línea de más de {max} caracteres; omitida',
  'bad-json': 'no es JSON válido; línea omitida',
  'bad-json.not-object': 'no es un objeto JSON; línea omitida',
  'missing-field': 'una publicación necesita "id", "author" y "createdAt" como texto; línea omitida',
  'jsonl.bad-date': 'createdAt «{value}» no es ISO 8601 con desfase horario; línea omitida',
  'numeric-id': 'el id {id} es un número JSON; así los ids largos pierden cifras (escribe los ids como texto)',

  // Kaggle TWCS
  'twcs.bad-id': 'tweet_id «{value}» no es un número; fila omitida',
  'twcs.missing-author': 'author_id está vacío; fila omitida',
  'twcs.bad-date': 'created_at «{value}» no es una fecha de Twitter (p. ej. "Tue Oct 31 22:10:47 +0000 2017"); fila omitida',
  'twcs.bad-parent-id': 'in_response_to_tweet_id «{value}» no es un número; se descartó el enlace de respuesta',
  'bad-inbound': 'inbound «{value}» no es ni True ni False; el papel lo deciden los usuarios de la marca',
  'twcs.replied-only':
    'el conjunto TWCS de Kaggle solo guarda conversaciones que recibieron respuesta: en él, la tasa de respuesta no dice nada de los clientes ignorados',

  // Threads
  'reply-cycle': 'la publicación {id} forma parte de un ciclo de respuestas; se descartó su enlace de respuesta',
  'duplicate-id': 'el id {id} ya lo usaba otra publicación distinta en {where}; las respuestas se enlazan a la primera',
  'repeated-post':
    '{n:publicación aparece:publicaciones aparecen} más de una vez con el mismo id, autor, hora y texto (¿exportaciones solapadas?); cada una se contó una vez',
  'reply-to-missing': 'la publicación {id} responde a {parent}, que no está en los datos; abre su propio hilo',
  'reply-before-parent': 'la publicación {id} tiene fecha anterior a la que responde ({parent}); su tiempo de respuesta no cuenta',

  // Whose channel an input is
  'channel.owner-brand': 'la entrada nombra a la marca como propietaria: cuentan todos sus hilos',
  'channel.owner-other': 'la entrada nombra a otro propietario: un hilo cuenta solo si menciona a la marca, le responde o la marca escribió en él',
  'channel.own-inbox':
    'la bandeja de la propia marca (cada mensaje que marca como de empresa es de los usuarios de la marca): cuentan todos los hilos de clientes',
  'channel.no-company-posts':
    'tomado como canal propio de la marca (no marca ningún mensaje como de empresa): cuentan todos los hilos de clientes; una columna de canal diría otra cosa',
  'channel.other-company': 'la bandeja de otra empresa ({companies}): un hilo cuenta solo si menciona a la marca, le responde o la marca escribió en él',
  'channel.mixed-companies':
    'conversaciones de varias empresas (también {companies}): un hilo cuenta solo si menciona a la marca, le responde o la marca escribió en él',
  'channel.multi-brand': 'un conjunto de datos con muchas marcas: un hilo cuenta solo si menciona a la marca, le responde o la marca escribió en él',
  'channel.no-brand-replies':
    'la plataforma no muestra respuestas de la marca bajo estas publicaciones (reseñas de producto): se leen, pero nunca cuentan como conversaciones que la marca debía responder',
  'input-brand-side-only':
    'solo trae las publicaciones de la propia marca, y ninguna responde a una publicación de las entradas: sin la parte de los clientes no hay conversación que juzgar (lee a su lado la exportación de los hilos)',
  'input-joins-other':
    'no abre ninguna conversación propia: {n:publicación suya está:publicaciones suyas están} en conversaciones de la marca que abre otra entrada',
  'input-all-repeated': 'todas las publicaciones de esta entrada ({n}) están también en otra entrada y se contaron allí',
  'same-post-in-inputs':
    '{n:publicación aparecía:publicaciones aparecían} en más de una entrada con el mismo id de la plataforma (exportaciones solapadas de una cuenta o un hilo); cada una se contó una vez, con la copia más completa',
  'channel.per-post':
    'el canal propio de cada mensaje (el negocio de una página de reseñas, la columna de página de un CSV) decide si su hilo está en el canal de la marca',
  'input-not-brand': 'no aporta nada a {brand}: 0 conversaciones; sus publicaciones se dejaron fuera',
  'input-not-brand.other': 'no aporta nada a {brand}: 0 conversaciones (es de {companies}); sus publicaciones se dejaron fuera',
  // X / Twitter
  'x.bad-date': 'created_at «{value}» no es una fecha de X (p. ej. "Wed Oct 14 08:12:00 +0000 2026"); tuit {id} omitido',
  'x-archive.no-id': 'el elemento {n} no tiene "id_str" como texto; omitido',
  'x-archive.no-id-deleted': 'el elemento {n} de deleted-tweets.js no tiene "id_str" como texto; omitido',
  'x-archive.deleted-read': '{n:tuit borrado leído:tuits borrados leídos} de deleted-tweets.js',
  'x-archive.parts': 'los tuits del archivo vienen repartidos en {n} partes; cada parte se lee como una entrada propia',
  'x-archive.superseded': '{n:tuit se editó:tuits se editaron} después en otro archivo de partes: solo se lee la última versión, desde esa parte',
  'x-archive.edited': '{n:tuit editado:tuits editados}: se conserva el texto de la última versión, con la hora de la primera',
  'x-archive.placeholders':
    'un archivo de X solo contiene los tuits de la propia cuenta: {n:tuit de cliente respondido queda:tuits de clientes respondidos quedan} como marcador sin texto, con la hora sacada del id, así que no se sabe si pedían respuesta',
  'x-archive.retweets': '{n:retuit ("RT @…") se dejó fuera:retuits ("RT @…") se dejaron fuera}: no son palabras de la cuenta',
  'bad-deleted-tweets': 'deleted-tweets.js no es un archivo de datos de un archivo de X; no se leyeron los borrados',
  'parent-time-unknown':
    '{n:respuesta contesta:respuestas contestan} a tuits cuyo id no lleva una hora utilizable (anteriores a noviembre de 2010 o posteriores a la respuesta); no se creó marcador',
  'x-api.retweets': '{n:retuit se dejó fuera:retuits se dejaron fuera}: no son palabras del autor',
  'x-api.repeats': '{n:tuit recogido:tuits recogidos} dos veces: se leyeron una sola vez',
  'x-api.deletion-notices': 'se pasaron por alto {n:aviso de borrado:avisos de borrado} del flujo (tuits borrados después de recogerlos)',
  'x-api.stream-notices': 'se pasaron por alto {n:aviso del flujo:avisos del flujo} (límite, advertencia)',
  'x-api.edited': '{n:tuit editado:tuits editados}: marcados como editados; las versiones anteriores que venían después de la última se descartaron',
  'x-api.author-by-id':
    '{n:tuit cuyo autor solo se conoce:tuits cuyos autores solo se conocen} por id de usuario (no están en "includes.users"): --brand tiene que nombrar ese id para reconocerlos',
  'x-api.error-entries': 'se pasaron por alto {n:entrada de error:entradas de error} de las páginas (tuits borrados, protegidos o no encontrados)',
  'x-api.no-id': 'un tuit sin "id" como texto; omitido',
  'x-api.not-a-tweet': 'no es un tuit: necesita "id_str" y un "user"; omitido',
  'x-api.no-screen-name': 'tuit {id}: su usuario no tiene "screen_name"; omitido',
  'x-api.bad-date': 'tuit {id}: created_at «{value}» no es ISO 8601 con desfase horario; omitido',
  'bad-json.not-object-entry': 'no es un objeto JSON; omitido',

  // Mastodon
  'mastodon.repeated-items':
    'outbox.json tiene {n} claves "orderedItems" (un fallo conocido de la exportación de Mastodon): se leyeron las publicaciones de todas',
  'mastodon.content-warnings': '{n:publicación lleva:publicaciones llevan} aviso de contenido: el aviso va delante del texto, como "CW: …"',
  'mastodon.visibility': '{direct} directas y {private} solo para seguidores quedan marcadas por su visibilidad; el resto son públicas',
  'mastodon.boosts': '{n:impulso (Announce) se dejó fuera:impulsos (Announce) se dejaron fuera}: son publicaciones de otras personas',
  'mastodon.other-activities': '{n:actividad que no es publicación se dejó fuera:actividades que no son publicaciones se dejaron fuera}',
  'mastodon.own-posts-only':
    'un archivo de Mastodon solo contiene las publicaciones de la propia cuenta: aquellas a las que responde están en sus servidores, no en los datos',
  'mastodon.bad-actor': 'actor.json, junto a outbox.json, no es JSON válido; el propietario se tomó de las actividades',
  'mastodon.bad-date': 'elemento {entry}: "published" «{value}» no es ISO 8601 con desfase horario; omitido',
  'mastodon.no-id': 'elemento {entry}: la publicación no tiene "id"; omitido',

  // Meta: Facebook, Instagram, Graph API
  'meta.mojibake-repaired': '{n:texto reparado:textos reparados} de los escapes de bytes de Meta (mojibake como "Ã³" por "ó")',
  'meta.bad-entry': '{where} no es un objeto; omitido',
  'meta.no-time': '{where} no tiene hora (un "timestamp" en segundos Unix); omitido',
  'facebook.no-author': '{where}: ni la entrada ni el archivo dicen quién la escribió; omitido',
  'facebook.textless': '{n:entrada no tiene:entradas no tienen} texto (solo un sticker, una foto o un enlace): se conservan como publicaciones vacías',
  'facebook.own-comments':
    'una exportación de Facebook solo contiene los comentarios y publicaciones de la propia cuenta, sin ids ni a qué responden: se juzgan su tono y sus temas, pero no contestan a ninguna publicación de cliente de los datos, así que ni la velocidad ni la tasa de respuesta se pueden medir con ella',
  'instagram.textless': '{n:comentario no tiene:comentarios no tienen} texto: se conservan como publicaciones vacías',
  'instagram.own-comments':
    'un archivo de comentarios de Instagram no dice ni quién escribe ni a qué responde: cada comentario se atribuye a "{name}" y se sitúa en el canal del dueño de la publicación, así que los hechos en las publicaciones de la marca cuentan como de la marca; los comentarios de los clientes no vienen en la exportación',
  'meta-graph.hidden': '{n:comentario oculto:comentarios ocultos} por la página: marcados como borrados',
  'meta-graph.hidden-authors':
    '{n:comentario no tiene:comentarios no tienen} "from" (descargados sin token de página): se atribuyen a "{name}"; entre ellos no se distinguen las respuestas de la marca',
  'meta-graph.more-pages':
    'el archivo es una página de una lista más larga ("paging.next" está puesto): guarda también las páginas siguientes o la auditoría verá solo una parte',
  'meta-graph.more-replies': '{n:hilo tiene:hilos tienen} más respuestas de las que trae el archivo ("paging.next" dentro de "comments")',
  'meta-graph.empty': 'el "data" de la página está vacío',
  'meta-graph.bad-date': 'comentario {id}: «{value}» no es una hora ISO 8601 con desfase horario; omitido (con sus respuestas)',
  'meta-graph.bad-entry': 'el elemento {n} de "data" no es un objeto; omitido',
  // Review pages and scraper files
  'page-truncated': 'la página pasa de {mb} MB de texto; solo se leyó su primera parte (faltan las reseñas de más abajo)',
  'page-too-deep': 'la página anida elementos a miles de niveles (HTML roto u hostil): no se leyó lo que queda por debajo',
  'no-business-name.page':
    'la página no nombra ningún negocio (ni nombre en JSON-LD o microdatos, ni encabezado, ni título): las respuestas del propietario cuentan como de la marca solo si --brand nombra a su autor',
  'no-business-name.file':
    'el archivo no nombra ningún lugar ni negocio: las respuestas del propietario cuentan como de la marca solo si --brand nombra a su autor',
  'reviews.site': 'leída como página de {site}',
  'reviews.site-at': 'leída como página de {site} ({host})',
  'reviews.relative-dates':
    'las fechas relativas ("hace 2 semanas", "a month ago") se calculan desde la fecha de guardado, {savedAt}: "hace N unidades" es esa fecha menos N unidades; son aproximadas',
  'reviews.undated-replies':
    '{n:respuesta del propietario no muestra:respuestas del propietario no muestran} fecha: cuentan como respondidas, con la fecha de su reseña (el único límite que da la página), así que su tiempo de respuesta no se conoce y queda fuera de las cifras de velocidad',
  'reviews.clamped-replies':
    '{n:respuesta del propietario tenía:respuestas del propietario tenían} fecha anterior a su reseña con la precisión de la página: se fechan en la reseña',
  'reviews.machine-translated': '{n:reseña es:reseñas son} traducción automática del sitio; el texto original no está en la página guardada',
  'reviews.scaled':
    '{n:puntuación va:puntuaciones van} sobre {scales}, no sobre 5: se leen como estrellas = nota × 5 ÷ escala, con un decimal (8,6/10 → 4,3★; 6/10 → 3★, que pide respuesta)',
  'reviews.owner-reply-cards':
    '{n:respuesta del propietario venía dibujada:respuestas del propietario venían dibujadas} como tarjeta de reseña: se leen como respuesta a la reseña anterior, nunca como reseña',
  'reviews.placeholders': 'se dejaron fuera {n:hueco vacío de reseña:huecos vacíos de reseñas} (no cargados cuando se guardó la página)',
  'reviews.widgets': 'se dejaron fuera {n:recuadro para escribir o filtrar reseñas:recuadros para escribir o filtrar reseñas} con aspecto de tarjeta',
  'reviews.hidden': 'se dejaron fuera {n:reseña pendiente o filtrada:reseñas pendientes o filtradas} (no visibles en público)',
  'reviews.order-of-trust.json-ld':
    'reseñas leídas por orden de fiabilidad (JSON-LD, microdatos, JSON incrustado, tarjetas): {n:reseña sale:reseñas salen} del JSON-LD',
  'reviews.order-of-trust.microdata':
    'reseñas leídas por orden de fiabilidad (JSON-LD, microdatos, JSON incrustado, tarjetas): {n:reseña sale:reseñas salen} de los microdatos',
  'reviews.order-of-trust.embedded':
    'reseñas leídas por orden de fiabilidad (JSON-LD, microdatos, JSON incrustado, tarjetas): {n:reseña sale:reseñas salen} del JSON incrustado en la página',
  'reviews.order-of-trust.cards':
    'reseñas leídas por orden de fiabilidad (JSON-LD, microdatos, JSON incrustado, tarjetas): {n:reseña sale:reseñas salen} de las tarjetas de reseña de la página',
  'reviews.bad-date': 'reseña de {author}: su fecha «{value}» no es una fecha que este lector conozca (en español o inglés, absoluta o relativa); omitida',
  'reviews.no-date': 'la reseña de {author} no muestra fecha; omitida',
  'no-save-date':
    '{n:reseña solo tiene:reseñas solo tienen} fecha relativa («hace 2 semanas», «2 weeks ago») y la página no dice en ningún sitio cuándo se guardó (ni «saved date» de SingleFile, ni «Date:» de MHTML, ni <meta name="second-impression:saved-at">): se omitieron',
  'reviews.page-states.both':
    'la página declara {average} sobre {count} reseñas; en la página guardada hay {n} (una muestra: la primera página que se mostraba, con su orden y su filtro de idioma)',
  'reviews.page-states.average':
    'la página declara una media de {average}; en la página guardada hay {n:reseña:reseñas} (una muestra: la primera página que se mostraba, con su orden y su filtro de idioma)',
  'reviews.page-states.count':
    'la página declara {count} reseñas; en la página guardada hay {n} (una muestra: la primera página que se mostraba, con su orden y su filtro de idioma)',
  'invalid-json-ld': 'el bloque JSON-LD n.º {block} no es JSON válido ni después de repararlo (comentarios, CDATA, caracteres de control, entidades); omitido',
  'invalid-embedded-json.next-data': 'el __NEXT_DATA__ de la página no es JSON válido; se leyeron las tarjetas de reseña en su lugar',
  'invalid-embedded-json.hypernova': 'un bloque de datos hypernova ({key}) no es JSON válido; omitido',
  'reviews.businesses': '{n} negocios en un mismo archivo ({names}): cada reseña queda en el canal de su negocio',

  // Google Business Profile (Takeout and API v4)
  'gbp.bad-listing-data.size': 'el additionalData.json junto a las reseñas pasa de {mb} MB: no se leyó de él el nombre del negocio',
  'gbp.bad-listing-data.json': 'el additionalData.json junto a las reseñas no es JSON válido: no se leyó de él el nombre del negocio',
  'gbp.bad-json': 'una línea no es JSON válido; se omitió esa página de reseñas',
  'gbp.no-date': 'la reseña {review} no tiene createTime; omitida',
  'gbp.bad-date': 'reseña {review}: createTime «{value}» no es una hora RFC 3339 (2024-10-14T21:03:11Z); omitida',
  'gbp.no-star-rating.missing': 'reseña {review}: falta starRating; se conserva sin puntuación',
  'gbp.no-star-rating.unspecified': 'reseña {review}: starRating es STAR_RATING_UNSPECIFIED; se conserva sin puntuación',
  'gbp.no-star-rating.invalid': 'reseña {review}: starRating «{value}» no es ONE…FIVE; se conserva sin puntuación',
  'gbp.too-many-reviews': 'más de {max} reseñas en un solo archivo: solo se leyeron las {max} primeras; divide el archivo en páginas',
  'gbp.bad-review': '{n:elemento de «reviews» no es un objeto:elementos de «reviews» no son objetos}; se omitieron',
  'gbp.listing-name': 'el nombre del negocio, «{name}», se leyó del additionalData.json que acompaña a las reseñas',
  'gbp.location-channel':
    'las reseñas no nombran el negocio (Google guarda el nombre en additionalData.json, que no está junto a este archivo): el canal es el id de ubicación {ids}; pásalo con --brand (p. ej. --brand TuCuenta,{first}) para que las respuestas del propietario cuenten como de la marca',
  'gbp.locations': '{n} ubicaciones en un mismo archivo: cada reseña queda en el canal de su ubicación',
  'gbp.duplicates': '{n:reseña volvía:reseñas volvían} a aparecer en otra página de este archivo (mismo «name»): se leen una vez, con la última edición',
  'gbp.reply-upper-bound':
    '{n:respuesta del propietario se fecha:respuestas del propietario se fechan} con reviewReply.updateTime, la última edición de la respuesta (Google guarda una respuesta por reseña y la nueva sustituye a la anterior): los tiempos de respuesta son cotas superiores; la primera respuesta pudo llegar antes',
  'gbp.edited':
    '{n:reseña se editó:reseñas se editaron} después de publicarse (updateTime posterior a createTime): se fechan cuando se escribieron y se marcan como editadas; el texto es el último',
  'gbp.star-only': '{n:reseña solo con estrellas:reseñas solo con estrellas} (puntuación sin comentario), conservadas con el texto vacío',
  'gbp.original-kept': '{n:reseña trae:reseñas traen} la traducción de Google junto al original («(Translated by Google)»): se conserva el original',
  'gbp.translation-only': '{n:reseña solo trae:reseñas solo traen} la traducción de Google (sin la parte «(Original)»): se leen tal cual',
  'gbp.stated.both': 'la respuesta declara una media de {average}/5 y {total} reseñas en total; en este archivo hay {n}',
  'gbp.stated.average': 'la respuesta declara una media de {average}/5; en este archivo hay {n} reseñas',
  'gbp.stated.total': 'la respuesta declara {total} reseñas en total; en este archivo hay {n}',
  'gbp.next-page': 'la última página trae nextPageToken: Google tiene más reseñas de las que hay en este archivo (descarga las páginas siguientes)',
  ...YOUTUBE_ES,
  ...REDDIT_ES,
  ...GENERIC_CSV_ES,
  ...BLUESKY_ES,
};
