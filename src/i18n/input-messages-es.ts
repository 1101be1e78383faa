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
  'channel.per-post': 'la columna de canal de cada mensaje decide si su hilo está en el canal de la marca',
  'input-not-brand': 'no aporta nada a {brand}: 0 conversaciones; sus publicaciones se dejaron fuera',
  'input-not-brand.other': 'no aporta nada a {brand}: 0 conversaciones (es de {companies}); sus publicaciones se dejaron fuera',
};
