/** `second-impression formats` in Spanish, by reader id: title, how it is recognised, what it yields. */
export const FORMATS_ES: Readonly<Record<string, { title: string; detection: string; yields: string }>> = {
  jsonl: {
    title: 'Publicaciones normalizadas (JSON Lines)',
    detection: 'un objeto JSON por línea con las claves "id", "author" y "createdAt" (la salida de `second-impression ingest`)',
    yields: 'las publicaciones tal como las escribió ingest, con su archivo de origen y su línea originales',
  },
  twcs: {
    title: 'CSV de Kaggle "Customer Support on Twitter"',
    detection:
      'CSV cuyo encabezado es tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id (se admite una columna inicial de índice de pandas)',
    yields:
      'las dos partes de los hilos de atención al cliente en X/Twitter; los clientes son ids anonimizados y las marcas, nombres de usuario; el conjunto de datos solo contiene hilos respondidos, así que su tasa de respuesta no es una tasa de mensajes ignorados',
  },
  'x-archive': {
    title: 'Archivo de la cuenta de X/Twitter (el .zip tal como se descarga, o su carpeta descomprimida)',
    detection:
      'un archivo de datos que empieza por "window.YTD.tweets.part0 =" (tweets.js, tweet.js, tweets-part1.js…), leído junto con el account.js y el deleted-tweets.js que lo acompañan; los demás archivos de datos del archivo se reconocen y se pasan por alto',
    yields:
      'los tuits y respuestas de la propia cuenta (sin retuits), con los borrados si está deleted-tweets.js; los tuits de los clientes no vienen en el archivo, así que cada tuit respondido es un marcador sin texto, con la hora deducida de su id',
  },
  'x-api-v1': {
    title: 'Tuits de la API v1.1 de X/Twitter (JSON Lines, twarc1)',
    detection:
      'JSON Lines (o un array JSON, o {"statuses": [...]}) de tuits v1.1: objetos con "id_str", "created_at" con el formato de X "Wed Oct 14 08:12:00 +0000 2026" y un "user" con "screen_name"',
    yields:
      'las dos partes de las conversaciones recogidas (lo que haya captado la búsqueda), con horas exactas y enlaces de respuesta; sin retuits; no hay ids de conversación, y un hilo es de la marca cuando la menciona o le responde',
  },
  'x-api-v2': {
    title: 'API v2 de X/Twitter (páginas de twarc2 o tuits aplanados)',
    detection:
      'JSON Lines de páginas de respuesta de la API v2 ({"data": [...], "includes": …, "__twarc": …}) o de tuits v2 aplanados ("author_id" con "conversation_id"), o una respuesta v2 guardada',
    yields:
      'las dos partes de las conversaciones recogidas, con horas exactas, enlaces de respuesta e ids de conversación, y también los tuits respondidos que vienen en includes; sin retuits y con las ediciones marcadas; un hilo es de la marca cuando la menciona o le responde',
  },
  'mastodon-outbox': {
    title: 'Archivo de una cuenta de Mastodon (outbox.json)',
    detection:
      'una "OrderedCollection" JSON de ActivityStreams con "orderedItems" (el outbox.json de un archivo de Mastodon); se lee junto con el actor.json que lo acompaña, y likes.json y bookmarks.json se reconocen y se pasan por alto',
    yields:
      'las publicaciones y respuestas de la propia cuenta (sin impulsos), con horas exactas, advertencias de contenido y quién podía ver cada una; las publicaciones a las que respondió están en otros servidores y no en el archivo',
  },
  'facebook-export': {
    title: '«Descargar tu información» de Facebook (JSON)',
    detection:
      'un archivo de la exportación JSON de Facebook: comments.json ({"comments_v2": [...]}) o un archivo de publicaciones (your_posts_1.json, your_posts__check_ins__photos_and_videos_1.json…: un array de {"timestamp", "data": [{"post"}]}); los hilos de Messenger y los archivos de reacciones se reconocen y se pasan por alto',
    yields:
      'los comentarios y publicaciones de la propia cuenta, con horas exactas y el texto reparado de los escapes de bytes de Meta; la exportación no trae ids, ni mensajes padre, ni ningún comentario de los clientes, así que se pueden valorar el tono y los temas, pero no la rapidez ni la tasa de respuesta',
  },
  'instagram-export': {
    title: 'Comentarios de «Descargar tu información» de Instagram (JSON)',
    detection:
      'un archivo de la exportación JSON de Instagram cuyos elementos llevan "string_map_data" con una etiqueta de comentario (post_comments_1.json, reels_comments.json: {"comments_reels_comments": [...]}); etiquetas en inglés y en español; los demás archivos de la exportación (me gusta, seguidores, perfil) se reconocen y se pasan por alto',
    yields:
      'los comentarios que escribió la cuenta, con horas exactas y el propietario del contenido comentado como canal, y el texto reparado de los escapes de bytes de Meta; sin ids, sin mensajes padre y sin ningún comentario de los clientes, así que se pueden valorar el tono y los temas, pero no la rapidez de respuesta',
  },
  'meta-graph': {
    title: 'Comentarios de la Graph API de Facebook/Instagram (páginas JSON)',
    detection:
      'un objeto JSON (o un array de ellos) con "data": [...] cuyos elementos tienen "created_time" (Facebook) o "timestamp" con "username" (Instagram), tal como la Graph API devuelve comentarios y publicaciones; respuestas anidadas en "comments"/"replies" o enlazadas por "parent"',
    yields:
      'las dos partes de cada hilo de comentarios, con horas exactas y enlaces de respuesta; los comentarios que ocultó la página se marcan como borrados; faltan los nombres de los usuarios salvo que el archivo se descargara con un token de página',
  },
  trustpilot: {
    title: 'Página de empresa de Trustpilot (HTML guardado)',
    detection:
      'una página HTML guardada (con "saved from" de Chrome, SingleFile, MHTML o sin más) cuya dirección está en trustpilot.*, o con las tarjetas de reseña de Trustpilot (data-service-review-card-paper) o su businessUnit en __NEXT_DATA__',
    yields:
      'cada reseña (autor, fecha exacta, de 1 a 5 estrellas, título y texto, idioma, id y dirección) y la respuesta de la empresa con su fecha, tomadas del JSON-LD, luego de __NEXT_DATA__ y luego de las tarjetas; se omiten las reseñas pendientes y las filtradas; solo las reseñas que contiene la página guardada',
  },
  'google-maps': {
    title: 'Página de un lugar de Google Maps (HTML guardado)',
    detection:
      'una página HTML guardada cuya dirección es google.*/maps (con "saved from" de Chrome, SingleFile o MHTML), o con tarjetas de reseña (data-review-id) que enlazan a /maps/contrib/',
    yields:
      'cada reseña (autor, de 1 a 5 estrellas, texto, id de reseña de Google), con la fecha relativa ("hace 2 semanas") calculada respecto a la hora en que se guardó la página, y la respuesta del propietario; se marcan las reseñas editadas y las traducciones automáticas; solo las reseñas cargadas cuando se guardó la página',
  },
  tripadvisor: {
    title: 'Página de reseñas de TripAdvisor (HTML guardado)',
    detection:
      'una página HTML guardada cuya dirección está en tripadvisor.*, o con tarjetas de reseña de TripAdvisor (data-automation="reviewCard", HR_CC_CARD, ui_bubble_rating)',
    yields:
      'cada reseña (autor, fecha de redacción, de 1 a 5 burbujas, título, el texto completo, id) y la respuesta del propietario con quién respondió y su fecha; la fecha de la estancia no es la de la reseña; solo las reseñas de la página guardada (TripAdvisor filtra por idioma)',
  },
  booking: {
    title: 'Página de reseñas de Booking.com (HTML guardado)',
    detection: 'una página HTML guardada cuya dirección está en booking.com, o con bloques de reseña de Booking (c-review-block, review_list_new_item_block)',
    yields:
      'cada reseña (autor, fecha, la puntuación sobre 10 como estrellas = puntuación ÷ 2, título con lo que gustó y lo que no, sin id: se deriva uno estable) y la respuesta del alojamiento, que Booking nunca fecha; solo las reseñas que contiene la página guardada',
  },
  yelp: {
    title: 'Página de negocio de Yelp (HTML guardado)',
    detection: 'una página HTML guardada cuya dirección está en yelp.*, o con los bloques de datos hypernova de Yelp (data-hypernova-key="yelpfrontend…")',
    yields:
      'cada reseña del JSON hypernova de la página (autor, fecha, de 1 a 5 estrellas, texto, idioma, id) con la respuesta del propietario del negocio, quién respondió y su fecha; las tarjetas ofuscadas de Yelp no se leen',
  },
  'json-ld': {
    title: 'Página web guardada con reseñas de schema.org (JSON-LD)',
    detection:
      'una página HTML con un <script type="application/ld+json"> que contiene un Review o un AggregateRating; con baja confianza, cualquier otra página web guardada (con "saved from" de Chrome, SingleFile, MHTML, o una página que indica su dirección con un enlace canónico u og:url)',
    yields:
      'cada Review (autor, fecha, valoración de 1 a 5 a partir de reviewRating y bestRating, título, texto, idioma, dirección) y, de las demás capas de la página, las respuestas del propietario; los bloques JSON-LD no válidos se omiten con un aviso; solo las reseñas que contiene la página guardada',
  },
  microdata: {
    title: 'Página web guardada con microdatos de reseñas de schema.org',
    detection: 'una página HTML con elementos itemtype="…schema.org/Review" o itemprop="review" / "reviewRating"',
    yields:
      'cada reseña (autor, datePublished, el reviewRating general como de 1 a 5 estrellas, name, reviewBody, idioma) y una respuesta del propietario anidada en ella; solo las reseñas que contiene la página guardada',
  },
  'scraper-json': {
    title: 'JSON de un scraper de reseñas (Google Maps, Trustpilot, Booking)',
    detection:
      'un archivo JSON con la forma de la salida de un scraper de reseñas: lugares con "reviews_data" (Google Maps, al estilo de Outscraper), "reviews" con "snippet" y "user" (Google Maps, al estilo de SerpApi), objetos de reseña de Trustpilot ("consumer", "dates") o reseñas de Booking con los textos de lo que gustó y lo que no (liked/disliked)',
    yields:
      'cada reseña y la respuesta del propietario, con las fechas que registró la herramienta (marcas de tiempo exactas cuando las hay; Booking no da ninguna para las respuestas) y las valoraciones como de 1 a 5 estrellas (las puntuaciones sobre 10 de Booking ÷ 2); el negocio, a partir del nombre del lugar o del hotel',
  },
  'google-business-profile': {
    title: 'Reseñas de Google Business Profile (reviews.json de Takeout o reviews.list de la API v4)',
    detection:
      'un objeto JSON con "reviews" cuyos elementos llevan un "starRating" de GBP (ONE…FIVE) o un "name" accounts/…/locations/…/reviews/…, o cualquier reviews*.json dentro de una carpeta de Takeout "Google Business Profile/account-*/location-*"; photos/ y additionalData.json se pasan por alto',
    yields:
      'cada reseña (autor, hora exacta de creación, de 1 a 5 estrellas, el texto original cuando Google añadió su traducción, las reseñas solo con estrellas con el texto vacío, las editadas marcadas) y la respuesta del propietario, con la fecha de su última edición (una cota superior del tiempo de respuesta); el negocio, del additionalData.json que la acompaña o, si no, el id de la ubicación',
  },
  amazon: {
    title: 'Página de reseñas de un producto de Amazon (HTML guardado)',
    detection:
      'una página HTML guardada cuya dirección está en una tienda de Amazon (amazon.es, .com, .co.uk…: con "saved from" de Chrome, SingleFile, MHTML, enlace canónico u og:url), o con los ganchos de reseña de Amazon (data-hook="review-star-rating", "review-date", "review-body", "reviewRichContentContainer")',
    yields:
      'cada reseña de producto (autor, el día tomado de "Reviewed in … on" / "Revisado en … el", de 1 a 5 estrellas, título y texto, el id R… y su dirección; la insignia "Verified Purchase" se cuenta, pero no se deja en el texto) en el canal de la marca; Amazon no muestra respuestas de la marca, así que nunca se lee ninguna; solo las reseñas que contiene la página guardada',
  },
  'youtube-takeout': {
    title: 'Comentarios de YouTube de Google Takeout (comments.csv)',
    detection:
      'un CSV cuyo encabezado tiene un id de comentario, un id de canal, una marca de tiempo de creación y el texto del comentario, en inglés o en el idioma de la cuenta ("Comment ID", "ID de comentario"…), como el comments.csv de Takeout; un channel.csv al lado aporta el nombre del canal y no se lee por sí solo',
    yields:
      'los comentarios y respuestas de la propia cuenta, con horas exactas y enlaces de respuesta; los comentarios a los que respondían (la parte de los clientes) no vienen en un Takeout',
  },
  'youtube-api': {
    title: 'Comentarios de la YouTube Data API (JSON de commentThreads.list)',
    detection:
      'JSON con "kind": "youtube#commentThread…" o "youtube#comment…", o elementos cuyo "snippet" tiene "topLevelComment" o "textDisplay"/"textOriginal" con "authorChannelId": una página guardada de commentThreads.list o comments.list, un array de páginas o JSON Lines de hilos',
    yields:
      'las dos partes de cada hilo de comentarios, con horas exactas, enlaces de respuesta y ediciones; el canal del vídeo es el propietario, y sus propios comentarios, los del canal; commentThreads.list trae como mucho 5 respuestas por hilo (el resto requiere comments.list)',
  },
  'reddit-json': {
    title: 'JSON de un hilo de Reddit (página de comentarios, Listing o JSON Lines al estilo de Pushshift)',
    detection:
      'JSON que empieza por un Listing de Reddit ({"kind": "Listing", …}), solo o como el par [publicación, comentarios] de una página …/comments/<id>.json, o JSON Lines de comentarios con "body", "parent_id" y "link_id" (volcados al estilo de Pushshift)',
    yields:
      'las dos partes de cada hilo (la publicación y todos los comentarios cargados), con horas exactas, enlaces de respuesta y el subreddit como canal; la marca es quien indique --brand; los comentarios ocultos tras los enlaces "load more" no están en el archivo, y los eliminados o borrados conservan su lugar sin texto',
  },
  'reddit-csv': {
    title: 'comments.csv de la solicitud de datos de Reddit',
    detection:
      'un CSV cuyo encabezado tiene id, permalink, date, subreddit, parent y body (el comments.csv de la solicitud de datos de Reddit), leído junto con el statistics.csv que lo acompaña; los demás CSV de la exportación (posts.csv, comment_headers.csv, statistics.csv…) se reconocen y se pasan por alto',
    yields:
      'los comentarios de la propia cuenta, con horas exactas y, por id, las publicaciones o comentarios a los que responden; esos mensajes padre no vienen en la exportación, así que sus horas se desconocen y con este archivo solo no se puede medir ningún tiempo de respuesta ni ningún cliente sin respuesta',
  },
  'csv:hootsuite': {
    title: 'Exportación de datos de Hootsuite Inbox 2.0 / Sparkcentral (CSV)',
    detection:
      'un CSV/TSV cuyo encabezado tiene conversation_id + contact_primary_identifier, o conversation_id + channel_display_name, o conversation_id + contact_profile_id, o id_de_conversacion + identificador_principal_de_contacto, o id_de_conversacion + nombre_para_mostrar_del_canal (sin distinguir mayúsculas, espacios ni tildes); sus columnas se leen con un mapa integrado (id, thread_id, author, created_at, text, role, agent, channel, platform); las columnas documentadas son las de la conversación; los nombres del id de mensaje, la dirección, el texto y el agente no están verificados; --map sustituye cualquier columna',
    yields:
      'una publicación por mensaje, agrupadas en hilos por conversación; la columna de dirección marca los mensajes de la marca (con el canal como autor o, si no, el agente), así que cuentan para la marca en los canales que indique --brand',
  },
  'csv:sprout-social': {
    title: 'Datos de mensajes de Sprout Social (CSV, sin verificar)',
    detection:
      'un CSV/TSV cuyo encabezado tiene created_time + customer_profile_id (sin distinguir mayúsculas, espacios ni tildes); sus columnas se leen con un mapa integrado (id, author, created_at, text, in_reply_to, platform, channel, url, lang, role); Sprout Social no publica la lista de columnas de su CSV: los nombres son los de los datos de mensajes de su API; --map sustituye cualquier columna',
    yields:
      'una publicación por mensaje, como en el CSV genérico; no se marca la dirección, así que son los nombres de usuario de la marca los que deciden quién es la marca',
  },
  'bluesky-repo': {
    title: 'Exportación del repositorio de Bluesky (repo.car)',
    detection:
      'un archivo binario CARv1: con extensión .car, o que empieza por el encabezado CBOR {roots, version: 1} (lo que guarda "Export my data" de Bluesky)',
    yields:
      'las publicaciones y respuestas de la propia cuenta, con la hora y el idioma que fijó la aplicación cliente; las publicaciones a las que respondió están en los repositorios de otras cuentas, así que cada una es un marcador sin texto, con la hora deducida de su clave de registro; los me gusta, los reposts y los seguimientos solo se cuentan',
  },
  'bluesky-thread': {
    title: 'JSON de la API de Bluesky (getPostThread, feeds de autor, listas de publicaciones)',
    detection:
      'JSON de la API de Bluesky: {"thread": …} con app.bsky.feed.defs#threadViewPost o una publicación at://, {"feed": [{"post": …}]}, {"posts": […]}, {"records": […]} de app.bsky.feed.post, o un array de esas publicaciones',
    yields:
      'las publicaciones de todos los autores de los hilos, con horas exactas (la anterior entre "createdAt" e "indexedAt") e idiomas; las respuestas borradas son marcadores sin texto marcados como borrados, y las publicaciones ocultas por bloqueos solo se cuentan',
  },
  'recognised-unsupported': {
    title: 'Reconocidos, aún sin soporte',
    detection:
      'estos formatos se nombran en lugar de darlos por desconocidos: el visor propio del archivo de X (Your archive.html y su carpeta assets/); exportación de LinkedIn (Comments.csv); exportación de LinkedIn (Shares.csv); exportación de LinkedIn (messages.csv); CSV de estadísticas de publicaciones de Meta Business Suite; archivo de datos del antiguo archivo de X (Grailbird, anterior a 2019); tweets.csv del antiguo archivo de X (anterior a 2019); exportación de twarc-csv (API v2 de X aplanada a CSV)',
    yields: 'nada: se nombra el archivo y se indica qué hacer en su lugar (normalmente, convertirlo al CSV genérico)',
  },
  'generic-csv': {
    title: 'Exportación CSV/TSV genérica',
    detection:
      'cualquier otro texto delimitado (.csv, .tsv, .txt) con fila de encabezado: las columnas id, author, created_at y text, encontradas por sinónimos en inglés o en español o con --map (una columna de fecha y otra de hora se combinan); el delimitador se detecta solo (, ; tabulador |); una tabla sin ellas se identifica como CSV con una sugerencia de --map',
    yields:
      'una publicación por fila; hilos a partir de in_reply_to o thread_id; role, rating, platform, channel (página/cuenta/marca), lang, url y deleted cuando están; todo hilo de cliente cuenta como dirigido a la marca (es una exportación de sus propios canales)',
  },
};
