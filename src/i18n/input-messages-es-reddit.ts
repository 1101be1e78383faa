/** The Reddit readers' warnings and notes in Spanish (reddit-json, reddit-csv), by catalogue id. */
export const REDDIT_ES: Readonly<Record<string, string>> = {
  // Thread JSON: comment page, Listing, Pushshift-style JSON Lines
  'reddit.comment-no-id': 'un comentario sin "id" utilizable; omitido',
  'reddit.post-no-id': 'una publicación sin "id" utilizable; omitida',
  'reddit.bad-date': '{id}: "created_utc" «{value}» no son segundos desde 1970; omitido (sus respuestas se conservan)',
  'reddit.refused-line': 'rechazada: anida demasiado o trae un texto demasiado largo; línea omitida',
  'reddit.bad-entry': 'no es un comentario, una publicación ni un Listing de Reddit; línea omitida',
  'reddit.more-stubs':
    '{n:enlace «cargar más» representa:enlaces «cargar más» representan} {comments:comentario que la página no cargó:comentarios que la página no cargó}: no entran en la auditoría (descarga el hilo con ?limit=500 o guarda también las ramas desplegadas)',
  'reddit.continue-thread':
    '{n:rama se corta:ramas se cortan} en «continue this thread»: las respuestas más profundas no están en el archivo (guarda la página propia de cada rama para leerlas)',
  'reddit.removals':
    'retirados por moderadores o por Reddit («[removed]»): {removed}; borrados por sus autores («[deleted]»): {deleted}. Quedan como publicaciones borradas, sin texto; la página no dice quién los retiró y los que no tenían respuestas desaparecen de ella, así que «nada se borra» no se juzga',
  'reddit.distinguished':
    '{n:comentario lleva:comentarios llevan} la marca de moderador o administrador ({authors}): es la voz del subreddit o de Reddit, y cuenta como la marca solo si --brand nombra a su autor',
  'reddit.other-things':
    'se dejaron fuera {n:elemento que no es:elementos que no son} ni publicación ni comentario (cuentas, comunidades, elementos mal formados)',

  // Data request comments.csv
  'reddit-csv.owner': 'la cuenta u/{owner} la nombra el statistics.csv que acompaña a comments.csv: sus comentarios se le atribuyen',
  'reddit-csv.no-owner':
    'el archivo no nombra su cuenta (no tiene al lado statistics.csv): sus comentarios se atribuyen a «{placeholder}» y cuentan como de la marca solo con --brand {placeholder} (o lee la carpeta entera de la exportación descomprimida)',
  'reddit-csv.bad-id': 'el id «{value}» no es un id de Reddit; fila omitida',
  'reddit-csv.bad-date': 'la fecha «{value}» no es una hora como "2025-05-18 04:35:32 UTC"; fila omitida',
  'reddit-csv.own-comments-only':
    'una solicitud de datos de Reddit solo trae los comentarios de la propia cuenta: las publicaciones y comentarios a los que responden no están y sus horas se desconocen, así que con este archivo solo no se miden tiempos de respuesta ni clientes sin respuesta; léelo junto con las páginas JSON de los hilos (…/comments/<id>.json) para ver las dos partes',
  'reddit-csv.no-parent':
    '{n:comentario no nombra:comentarios no nombran} ni respuesta ni publicación ("parent" y "link" vacíos): no se enlaza con ningún hilo',
};
