/**
 * The generic CSV reader's warnings and notes in Spanish, the built-in tool maps' included (see
 * input-messages-es.ts for the template syntax).
 */
export const GENERIC_CSV_ES: Readonly<Record<string, string>> = {
  // Rows
  'generic-csv.missing-id': 'id vacío; la fila se guardó como «{id}» (ninguna respuesta puede apuntar a ella)',
  'generic-csv.excel-mangled-id': 'Excel convirtió el id «{value}» en un número y perdió cifras; se guarda como «{kept}» y no se le pueden enlazar respuestas',
  'generic-csv.excel-mangled-reply-to': 'Excel convirtió in_reply_to «{value}» en un número; se descartó el enlace de respuesta',
  'generic-csv.missing-author': 'autor vacío; fila omitida',
  'generic-csv.bad-date': 'created_at «{value}» no es una fecha legible (usa ISO 8601, p. ej. 2024-05-01T10:00:00+02:00); fila omitida',
  'generic-csv.bad-day': 'la fecha «{value}» no es legible (p. ej. 2024-05-01 o 01/05/2024); fila omitida',
  'generic-csv.bad-time': 'la hora «{value}» no es una hora del día legible (p. ej. 14:05, 14:05:33, 2:05 PM); fila omitida',
  'generic-csv.bad-rating': 'la puntuación «{value}» no es de 1 a 5 estrellas; se ignora',
  'generic-csv.bad-role': 'el rol «{value}» no es ni marca ni cliente; lo deciden los usuarios de la marca',
  'generic-csv.bad-flag': 'deleted «{value}» no es verdadero/falso; se lee como falso',

  // Whole file
  'generic-csv.excel-mangled-ids':
    'Excel convirtió en números {ids:id:ids} y {links:enlace de respuesta:enlaces de respuesta} (p. ej. «1.23457E+18»): no se pueden cruzar, así que esas respuestas quedan sin enlazar; vuelve a exportar el archivo sin abrirlo en Excel o importa las columnas de id como texto',
  'generic-csv.excel-rounded-ids':
    '{n:id largo acaba:ids largos acaban} en «000», la marca del redondeo de Excel; puede que alguna respuesta se enlace con la publicación equivocada',
  'generic-csv.naive-times': '{n:fecha no traía:fechas no traían} desfase horario y se leyeron en la hora de {timezone} (--timezone)',
  'generic-csv.date-only': '{n:fila tenía:filas tenían} fecha sin hora (se leyó como medianoche): los tiempos de respuesta en que intervienen son aproximados',

  // Date and time columns
  'generic-csv.time-unused': 'no se usa la columna «{time}»: «{date}» ya trae la hora',
  'generic-csv.dates-from-time': 'fechas leídas de la columna «{time}», que trae fecha y hora completas («{date}» solo trae el día)',
  'generic-csv.dates-combined': 'fechas formadas con las columnas {date} + {time}',
  'generic-csv.times-utc': 'las horas de la columna «{time}» se leen en UTC, como dice su nombre (sin aplicar --timezone)',
  'generic-csv.date-order-forced.day-first': 'fechas numéricas leídas como día/mes/año (--date-order)',
  'generic-csv.date-order-forced.month-first': 'fechas numéricas leídas como mes/día/año (--date-order)',
  'generic-csv.date-order-proved.day-first': 'fechas numéricas leídas como día/mes/año: «{evidence}» lo demuestra',
  'generic-csv.date-order-proved.month-first': 'fechas numéricas leídas como mes/día/año: «{evidence}» lo demuestra',
  'generic-csv.date-order-guessed.day-first':
    'las fechas numéricas son ambiguas (ningún día pasa de 12 en las primeras filas); se leen como día/mes/año porque el archivo parece español o europeo («;» o cabeceras en español): usa --date-order para asegurarte',
  'generic-csv.date-order-guessed.month-first':
    'las fechas numéricas son ambiguas (ningún día pasa de 12 en las primeras filas); se leen como mes/día/año porque el archivo parece inglés: usa --date-order para asegurarte',

  // Social-tool exports
  'generic-csv.tool-map.hootsuite':
    'leído con el mapa de columnas de Hootsuite Inbox 2.0 / Sparkcentral ({columns}); las columnas documentadas son las de conversación: el id, la dirección, el texto y el agente del mensaje no están verificados; revísalos, --map cambia cualquiera',
  'generic-csv.tool-map.sprout-social':
    'leído con el mapa de columnas de Sprout Social ({columns}); Sprout no publica las columnas de sus CSV: los nombres son los de los mensajes de su API; revísalos, --map cambia cualquiera',
  'generic-csv.tool-zone.hootsuite':
    'Hootsuite escribe las fechas sin desfase, en la zona horaria elegida al crear la exportación: si no era {timezone}, indícala con --timezone',
  'generic-csv.tool-no-direction':
    'no hay columna de dirección (entrante/saliente): cada fila se lee como escrita por el contacto de la conversación y las respuestas de la marca no se distinguen; añádela a la exportación o nómbrala con --map Columna=role',
  'generic-csv.unread-columns':
    'sin leer, porque ningún campo las recoge ({n:columna:columnas}): {columns}; si alguna importa, asígnala con --map "Columna=campo"',
  'generic-csv.made-ids.rows':
    'hoja de reseñas sin columna de id (cada fila, una reseña con su respuesta): {n:id se formó:ids se formaron} con la línea («{example}»)',
  'generic-csv.owner-replies':
    '{n:respuesta del propietario leída:respuestas del propietario leídas} de la columna «{column}» como respuesta de la marca a la reseña de su fila',
  'generic-csv.owner-replies.untimed':
    '{n:respuesta del propietario leída:respuestas del propietario leídas} de la columna «{column}» como respuesta de la marca a la reseña de su fila; {untimed} sin fecha legible: respondidas, sin tiempo',
  'generic-csv.bad-reply-date': 'la fecha de respuesta «{value}» no es una fecha; la respuesta cuenta como dada, pero sin tiempo',
  'generic-csv.reply-before-review': 'la respuesta tiene fecha anterior a su reseña; cuenta como dada, pero sin tiempo',
  'generic-csv.made-ids':
    'la exportación no trae columna de id de mensaje: {n:id se formó:ids se formaron} con la conversación y la línea («{example}»); las respuestas siguen a su conversación por orden de hora',
  'generic-csv.outbound':
    '{n:mensaje saliente es:mensajes salientes son} de la marca según la columna de dirección, a nombre de su canal ({channels}): cuentan para la marca si --brand nombra ese canal',
  'generic-csv.outbound-unnamed':
    '{n:mensaje saliente es:mensajes salientes son} de la marca según la columna de dirección; la exportación no nombra el canal, así que --brand debe nombrar a sus autores (los agentes)',
};
