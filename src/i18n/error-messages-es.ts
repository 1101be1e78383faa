/**
 * The command line's errors and hints in Spanish, by the id a UserError carries (`<id>.hint` for its hint).
 * Same template syntax as the input messages; a template whose data is missing is not used.
 * Errors an input format raises about its own structure are still said in English (their ids are not set).
 */
export const ERROR_MESSAGES_ES: Readonly<Record<string, string>> = {
  // The brand
  'error.no-brand': 'no se indicó la marca',
  'error.no-brand.hint': 'nombra sus cuentas con --brand, p. ej. --brand AppleSupport (o «brand» en el archivo de configuración)',
  'error.no-brand-history': 'no se indicó la marca',
  'error.no-brand-history.hint': 'nombra sus cuentas con --brand, como en las auditorías que se registraron',
  'error.brand-absent': 'ninguna publicación de {brand} en las entradas',
  'error.brand-absent.hint': 'revisa cómo se escribe --brand (no importan las mayúsculas ni la «@»)',
  'error.brand-absent.seen': 'ninguna publicación de {brand} en las entradas; las cuentas que más aparecen: {seen}',
  'error.brand-absent.seen.hint': 'revisa cómo se escribe --brand (no importan las mayúsculas ni la «@»)',
  'error.brand-absent.mentioned':
    'ninguna publicación de {brand} en las entradas ({n:publicación la menciona:publicaciones la mencionan}, pero nunca responde)',
  'error.brand-absent.mentioned.hint': 'revisa cómo se escribe --brand (no importan las mayúsculas ni la «@»)',
  'error.brand-absent.mentioned.seen':
    'ninguna publicación de {brand} en las entradas ({n:publicación la menciona:publicaciones la mencionan}, pero nunca responde); las cuentas que más aparecen: {seen}',
  'error.brand-absent.mentioned.seen.hint': 'revisa cómo se escribe --brand (no importan las mayúsculas ni la «@»)',
  'error.brand-absent.companies': 'ninguna publicación de {brand} en las entradas; marcan como la marca a {companies}',
  'error.brand-absent.companies.hint': '¿querías decir --brand {first}? (varias cuentas de una marca: --brand {first},OtraCuenta)',
  'error.brand-absent.companies-mentioned':
    'ninguna publicación de {brand} en las entradas ({n:publicación la menciona:publicaciones la mencionan}, pero nunca responde); marcan como la marca a {companies}',
  'error.brand-absent.companies-mentioned.hint': '¿querías decir --brand {first}? (varias cuentas de una marca: --brand {first},OtraCuenta)',
  'error.no-brand-replies':
    'nada que auditar de {brand}: en las entradas ({formats}) la marca no responde nunca, porque la plataforma no se lo permite; dicen lo que opinan los clientes, no cómo los trata la marca',
  'error.no-brand-replies.hint': 'añade junto a ellas los canales propios de la marca (su perfil en un sitio de reseñas, su bandeja social o su archivo)',
  'error.brand-no-handle': '--brand «{value}» no nombra ninguna cuenta',
  'error.compare-two-brands': 'compare necesita al menos dos marcas',
  'error.compare-two-brands.hint': 'repite --brand, uno por marca: --brand MarcaA --brand MarcaB,MarcaBAyuda (las comas unen las cuentas de una marca)',
  'error.same-brand': '--brand {a} es la misma marca que --brand {b}',

  // Options
  'error.not-duration': '{option} «{value}» no es una duración',
  'error.not-duration.hint': 'escríbela como 60m, 90m, 2h o 1d',
  'error.not-positive': '{option} tiene que ser mayor que cero',
  'error.not-date': '{option} «{value}» no es una fecha ISO 8601',
  'error.not-date.hint': 'escríbela como 2026-11-01 o 2026-11-01T09:00:00+01:00',
  'error.period-and-since': '--period ya fija todo el periodo',
  'error.period-and-since.hint': 'usa --period o bien --since/--until, no ambos',
  'error.not-period': '--period «{value}» no es un periodo',
  'error.not-period.hint': 'escribe last-week, last-month, un mes como 2026-10 o una semana ISO como 2026-W41',
  'error.period-after-now': '--period {value} empieza después de «ahora» ({now})',
  'error.period-after-now.hint': 'da un --as-of posterior o un periodo anterior',
  'error.since-after-until': '--since es posterior a --until',
  'error.since-after-until.hint': 'el periodo quedaría vacío',
  'error.fetch-duration': '{option} {value}: no es una duración',
  'error.fetch-duration.hint': 'p. ej. {option} 2s, {option} 500ms o {option} 1m',
  'error.fetch-size': '{option} {value}: no es un tamaño',
  'error.fetch-size.hint': 'p. ej. {option} 20MB o {option} 500kB (como mucho 2 GB)',
  'error.whole-number': '{option} {value}: no es un número entero entre {min} y {max}',
  'error.not-url': 'no es una dirección web: {value}',
  'error.not-url.hint': 'da la dirección completa, p. ej. https://www.trustpilot.com/review/example.com',
  'error.url-scheme': '{value}: solo se descargan direcciones http y https',
  'error.url-scheme.hint': 'para un archivo guardado, ejecuta: second-impression audit <archivo>',

  // Inputs
  'error.cannot-read-input.missing': 'no se puede leer la entrada {file}: no existe ese archivo o carpeta',
  'error.cannot-read-input.missing.hint': 'revisa la ruta; usa «-» para leer la entrada estándar',
  'error.cannot-read-input.denied': 'no se puede leer la entrada {file}: permiso denegado',
  'error.cannot-read-input.denied.hint': 'revisa la ruta; usa «-» para leer la entrada estándar',
  'error.empty-file': '{file}: el archivo está vacío',
  'error.binary-file': '{file}: no es un archivo de texto (datos binarios: ¿una hoja de cálculo, un comprimido, una imagen?); expórtalo como CSV',
  'error.unknown-format': '{file}: formato desconocido: ni un CSV/TSV con cabecera ni JSON Lines de `second-impression ingest`',
  'error.unknown-format.hint': 'consulta los formatos admitidos con: second-impression formats',
  'error.no-usable-posts': 'no hay ninguna publicación utilizable en las entradas',
  'error.no-usable-posts.reasons': 'no hay ninguna publicación utilizable en las entradas ({reasons})',

  // Inputs a reader refuses as a whole
  'error.no-reviews': '{file}: página guardada sin reseñas (carga diferida, muro de cookies, captcha o página de bloqueo)',
  'error.no-reviews.stated':
    '{file}: página guardada sin reseñas (carga diferida, muro de cookies, captcha o página de bloqueo); la página declara {n} reseñas, pero ninguna está en el HTML guardado',
  'error.no-reviews.captcha': '{file}: página guardada sin reseñas: muestra un captcha',
  'error.no-reviews.captcha.stated':
    '{file}: página guardada sin reseñas: muestra un captcha; la página declara {n} reseñas, pero ninguna está en el HTML guardado',
  'error.no-reviews.block-page': '{file}: página guardada sin reseñas: es una página de bloqueo',
  'error.no-reviews.block-page.stated':
    '{file}: página guardada sin reseñas: es una página de bloqueo; la página declara {n} reseñas, pero ninguna está en el HTML guardado',
  'error.no-reviews.cookie-wall': '{file}: página guardada sin reseñas: muestra un muro de cookies',
  'error.no-reviews.cookie-wall.stated':
    '{file}: página guardada sin reseñas: muestra un muro de cookies; la página declara {n} reseñas, pero ninguna está en el HTML guardado',
  'error.no-reviews.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.no-reviews.stated.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.no-reviews.captcha.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.no-reviews.captcha.stated.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.no-reviews.block-page.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.no-reviews.block-page.stated.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.no-reviews.cookie-wall.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.no-reviews.cookie-wall.stated.hint':
    'abre la página, desplázate hasta que se vean las reseñas (acepta o rechaza antes las cookies) y guárdala con SingleFile o con `second-impression fetch`',
  'error.csv-no-header': '{file}: el archivo está vacío (no tiene fila de cabecera)',
  'error.csv-no-header.hint': 'exporta de nuevo los datos; un CSV necesita una fila de cabecera',
  'error.csv-missing-columns': '{file}: faltan columnas obligatorias en este CSV: {columns}. Encontradas: {found}. Nombres aceptados: {accepted}',
  'error.csv-missing-columns.hint': 'prueba {maps}',
  'error.csv-missing-columns.time-only':
    '{file}: faltan columnas obligatorias en este CSV: {columns}. Encontradas: {found}. La columna «{timeColumn}» solo trae horas: hace falta una columna de fecha con ella. Nombres aceptados: {accepted}',
  'error.csv-missing-columns.time-only.hint': 'prueba {maps}',
  'error.x-archive-damaged':
    '{file}: el archivo de datos del archivo de X está cortado o dañado: empieza por «window.YTD…= [», pero lo que sigue no es JSON completo',
  'error.x-archive-damaged.hint': 'vuelve a descomprimir el archivo, o descarga uno nuevo de X (Configuración → Tu cuenta → Descargar un archivo de tus datos)',
  'error.twcs-missing-columns': '{file}: no es un archivo TWCS: faltan columnas: {columns}',
  'error.twcs-missing-columns.hint': 'quita --input-format para que el formato se detecte solo',

  'error.nothing-fetched': 'no se pudo guardar ninguna página ({n} fallidas o no permitidas)',
  'error.nothing-fetched.hint':
    'revisa las direcciones; un sitio que rechaza o bloquea las peticiones automáticas se puede guardar con el navegador («Guardar página como…, completa») o con SingleFile',

  // Output and history files
  'error.needs-output-folder': '--format {format} --table {table} escribe varios archivos',
  'error.needs-output-folder.hint': 'da una carpeta en --output',
  'error.needs-output-file': '--format {format} escribe bytes: da un archivo en --output',
  'error.cannot-create-folder': 'no se puede crear la carpeta {folder}: {reason}',
  'error.exists': '{path} ya existe',
  'error.exists.hint': 'usa --force para sobrescribirlo, o --output para escribir en otro sitio',
  'error.no-history': 'no hay historial en {file}',
  'error.no-history.hint': 'las ejecuciones se registran con: second-impression audit … --history {file}',
  'error.history-folder': '--history {file} es una carpeta',
  'error.history-folder.hint': 'nombra el archivo de historial, p. ej. history.sqlite',
  'error.history-name': '--history necesita un nombre de archivo',
  'error.history-name.hint': 'p. ej. --history history.sqlite',
  'error.no-history-file': 'no se indicó el archivo de historial',
  'error.no-history-file.hint': 'nómbralo con --history history.sqlite (o «history» en el archivo de configuración)',
};
