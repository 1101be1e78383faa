/**
 * The command line's help in Spanish, keyed by the English description written where each command,
 * option and argument is declared (src/cli/main.ts, fetch-command.ts). A description missing here shows
 * in English; the help test lists any that are.
 */
export const HELP_ES: Readonly<Record<string, string>> = {
  'Audit how a brand treats its customers in public: reply speed, ignored complaints, tone, promises and politics.':
    'Audita cómo trata una marca a sus clientes en público: rapidez de respuesta, quejas ignoradas, tono, promesas y política.',
  'output the version number': 'muestra la versión',
  'audit the brand and print the second-impression report': 'audita la marca y muestra el informe de segunda impresión',
  'files, folders, or "-" for standard input': 'archivos, carpetas o "-" para la entrada estándar',
  'a brand handle (repeat it or separate with commas; "@" optional)': 'un usuario de la marca (repite la opción o sepáralos con comas; la "@" es opcional)',
  'config file (default: ./second-impression.config.json when present)': 'archivo de configuración (por defecto: ./second-impression.config.json si existe)',
  '"now" for the audit (default: the latest timestamp in the data)': 'el «ahora» de la auditoría (por defecto: la fecha más reciente de los datos)',
  'IANA zone for timestamps without an offset (default: UTC)': 'zona IANA para las fechas sin desfase horario (por defecto: UTC)',
  'how to read numeric dates such as 04/11/2013 (default: inferred per file)':
    'cómo leer fechas numéricas como 04/11/2013 (por defecto: se deduce en cada archivo)',
  'map a CSV column to a field (repeatable), e.g. --map "Texto=text"': 'asigna una columna del CSV a un campo (repetible), p. ej. --map "Texto=text"',
  'force an input format (see: second-impression formats)': 'fuerza un formato de entrada (véase: second-impression formats)',
  'write to a file instead of standard output': 'escribe en un archivo en vez de en la salida estándar',
  'no progress or warning summary on standard error; the text report becomes its one-line summary':
    'sin progreso ni resumen de avisos en la salida de errores; el informe de texto se reduce a su línea de resumen',
  'show stack traces for unexpected errors': 'muestra la traza completa de los errores inesperados',
  'only conversations opened since this date, or 7d / 30d / 12h / 2w / 1m before --as-of':
    'solo conversaciones abiertas desde esta fecha, o 7d / 30d / 12h / 2w / 1m antes de --as-of',
  'only conversations opened until this date': 'solo conversaciones abiertas hasta esta fecha',
  'last-week, last-month, a month (2026-10) or an ISO week (2026-W41), in --timezone, placed against --as-of':
    'last-week, last-month, un mes (2026-10) o una semana ISO (2026-W41), en --timezone, contados desde --as-of',
  'record the run in this SQLite history and show the change since the previous run of the brand':
    'guarda la ejecución en este historial SQLite y muestra el cambio desde la ejecución anterior de la marca',
  'report format': 'formato del informe',
  'report language': 'idioma del informe',
  'first-reply target, e.g. 60m or 2h (default 60m)': 'objetivo de primera respuesta, p. ej. 60m o 2h (por defecto 60m)',
  'also measure speed in opening hours, e.g. "mon-fri 09:00-18:00" (in --timezone; holidays from the config)':
    'mide también la rapidez en horario de atención, p. ej. "mon-fri 09:00-18:00" (en --timezone; festivos de la configuración)',
  'exit with 1 when the overall score is below this (0–100)': 'sale con código 1 si la puntuación global queda por debajo (0–100)',
  'findings kept per rule in the result, worst first (0 = all; default 100)':
    'hallazgos que se guardan por regla en el resultado, los peores primero (0 = todos; por defecto 100)',
  'no colours in the text report': 'sin colores en el informe de texto',
  'csv: the table to write (default summary); all: every table as summary.csv, rules.csv, conversations.csv, findings.csv in the --output folder':
    'csv: la tabla que se escribe (por defecto summary); all: todas, como summary.csv, rules.csv, conversations.csv y findings.csv en la carpeta de --output',
  'json: add one row per conversation (the CSV conversations table) to the result':
    'json: añade al resultado una fila por conversación (la tabla conversations del CSV)',
  'csv: the Excel dialect (";", decimal comma, BOM, CRLF), the default with --locale es':
    'csv: el dialecto de Excel (";", coma decimal, BOM, CRLF), el predeterminado con --locale es',
  'csv: plain RFC 4180 ("," and decimal point) even with --locale es': 'csv: RFC 4180 sin más ("," y punto decimal) incluso con --locale es',
  "write normalized JSON Lines (spec §7) that `audit` reads back: the brand's conversations with --brand, every post read without it":
    'escribe JSON Lines normalizado (spec §7) que `audit` vuelve a leer: las conversaciones de la marca con --brand, todas las publicaciones leídas sin él',
  'audit several brands from the same inputs, read once, and put them side by side (each --brand is one brand: commas join its handles)':
    'audita varias marcas con las mismas entradas, leídas una sola vez, y las pone lado a lado (cada --brand es una marca; las comas unen sus usuarios)',
  'last-week, last-month, a month (2026-10) or an ISO week (2026-W41), in --timezone':
    'last-week, last-month, un mes (2026-10) o una semana ISO (2026-W41), en --timezone',
  'output format': 'formato de salida',
  'also measure speed in opening hours, e.g. "mon-fri 09:00-18:00"': 'mide también la rapidez en horario de atención, p. ej. "mon-fri 09:00-18:00"',
  'findings kept per rule in each result, worst first (0 = all; default 100)':
    'hallazgos que se guardan por regla en cada resultado, los peores primero (0 = todos; por defecto 100)',
  'no colours in the text output': 'sin colores en la salida de texto',
  'csv: plain RFC 4180 even with --locale es': 'csv: RFC 4180 sin más incluso con --locale es',
  "list a brand's runs recorded by audit --history, oldest first, with its scores and key figures over time":
    'lista las ejecuciones de una marca guardadas con audit --history, de la más antigua a la más reciente, con sus puntuaciones y cifras clave',
  'the history file (default: "history" in the config file)': 'el archivo de historial (por defecto: "history" en la configuración)',
  'the brand, as its audits named it (repeat it or separate with commas)':
    'la marca, tal como la nombraron sus auditorías (repite la opción o separa con comas)',
  'runs with an as-of since this date, or 90d / 12w / 6m before --as-of': 'ejecuciones con fecha as-of desde esta fecha, o 90d / 12w / 6m antes de --as-of',
  '"now" for --since (default: the latest run\'s as-of)': 'el «ahora» de --since (por defecto: el as-of de la última ejecución)',
  "IANA zone for dates without an offset (default: the config's, else UTC)":
    'zona IANA para las fechas sin desfase horario (por defecto: la de la configuración, si no UTC)',
  language: 'idioma',
  'language of the messages on standard error': 'idioma de los mensajes en la salida de errores',
  'write to a file (atomically) instead of standard output': 'escribe en un archivo (de forma atómica) en vez de en la salida estándar',
  'csv: the Excel dialect, the default with --locale es': 'csv: el dialecto de Excel, el predeterminado con --locale es',
  'save review pages for an offline audit, politely (robots.txt, one request at a time, a delay per host), then: audit <out> --brand …':
    'guarda páginas de reseñas para auditarlas sin conexión, con cortesía (robots.txt, una petición cada vez, una pausa por sitio); después: audit <out> --brand …',
  'review pages to save (http or https)': 'páginas de reseñas que guardar (http o https)',
  'folder to save into: <out>/<host>/<page>.html with a .meta.json beside it (created when missing)':
    'carpeta donde guardar: <out>/<host>/<página>.html con un .meta.json al lado (se crea si falta)',
  'pause between requests to the same host, e.g. 2s, 500ms, 1m': 'pausa entre peticiones al mismo sitio, p. ej. 2s, 500ms, 1m',
  'give up on a request after this long': 'abandona una petición pasado este tiempo',
  'extra tries after 429, 5xx, a timeout or a broken connection (exponential backoff, Retry-After honoured)':
    'reintentos tras un 429, un 5xx, un tiempo agotado o una conexión rota (espera exponencial; se respeta Retry-After)',
  'largest page read, e.g. 20MB, 500kB': 'tamaño máximo de página leída, p. ej. 20MB, 500kB',
  'pages per URL, counting it: follows <link rel="next"> or <a rel="next"> on the same host':
    'páginas por URL, contando la primera: sigue <link rel="next"> o <a rel="next"> en el mismo sitio',
  'fetch again pages already saved in --out': 'vuelve a descargar las páginas ya guardadas en --out',
  'no progress or summary on standard error (failures are still listed)': 'sin progreso ni resumen en la salida de errores (los fallos se siguen listando)',
  'list every rule: id, category, weight, what it checks and its score formula': 'lista todas las reglas: id, categoría, peso, qué comprueban y su fórmula',
  'show the weights of this config file': 'muestra los pesos de este archivo de configuración',
  'list every input format: id, how it is detected and what it yields': 'lista todos los formatos de entrada: id, cómo se detectan y qué aportan',
  'write a starter config file with every weight and threshold': 'escribe un archivo de configuración inicial con todos los pesos y umbrales',
  'where to write it': 'dónde escribirlo',
  'overwrite an existing file': 'sobrescribe un archivo existente',
};
