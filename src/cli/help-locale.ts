/**
 * `--help` in the user's language. Commander writes help from the English descriptions given where each
 * command and option is declared; in Spanish they are looked up here (by their English text, so that a
 * new option without a translation still shows, in English) along with commander's own headings.
 */
import { Help, type Command } from 'commander';
import type { Locale } from '../contract/ids.js';
import { environmentLocale } from './config-file.js';
import { HELP_ES } from './help-es.js';

const HEADINGS_ES: Readonly<Record<string, string>> = {
  'Usage:': 'Uso:',
  'Options:': 'Opciones:',
  'Commands:': 'Órdenes:',
  'Arguments:': 'Argumentos:',
};

/** The help's language: `--locale` on the command line, else the environment (LC_ALL, LC_MESSAGES, LANG). */
export function helpLocale(argv: readonly string[]): Locale {
  const at = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  if (at >= 0) {
    const value = argv[at]!.includes('=') ? argv[at]!.slice('--locale='.length) : argv[at + 1];
    if (value === 'es' || value === 'en') return value;
  }
  return environmentLocale();
}

/** Every description of the program and its commands, options and arguments, in declaration order. */
export function helpDescriptions(program: Command): string[] {
  const out: string[] = [];
  const walk = (command: Command): void => {
    out.push(command.description());
    for (const argument of command.registeredArguments) out.push(argument.description);
    for (const option of command.options) out.push(option.description);
    for (const sub of command.commands) walk(sub);
  };
  walk(program);
  return out.filter((d) => d !== '');
}

/** Puts the program's help in `locale`; returns the descriptions that have no translation. */
export function localizeHelp(program: Command, locale: Locale): string[] {
  if (locale === 'en') return [];
  const missing: string[] = [];
  const say = (text: string): string => {
    if (text === '') return text;
    if (Object.hasOwn(HELP_ES, text)) return HELP_ES[text]!;
    missing.push(text);
    return text;
  };
  const walk = (command: Command): void => {
    command.description(say(command.description()));
    for (const argument of command.registeredArguments) argument.description = say(argument.description);
    for (const option of command.options) option.description = say(option.description);
    command.helpOption('-h, --help', 'muestra esta ayuda');
    command.configureHelp({
      styleTitle: (title) => HEADINGS_ES[title] ?? title,
      // commander writes the usage line's placeholders itself; the option and argument names stay as typed.
      commandUsage(cmd) {
        return Help.prototype.commandUsage.call(this, cmd).replace('[options]', '[opciones]').replace('[command]', '[orden]');
      },
      optionDescription(option) {
        return Help.prototype.optionDescription
          .call(this, option)
          .replace(/\bchoices: /g, 'valores: ')
          .replace(/\bdefault: /g, 'por defecto: ');
      },
      argumentDescription(argument) {
        return Help.prototype.argumentDescription
          .call(this, argument)
          .replace(/\bchoices: /g, 'valores: ')
          .replace(/\bdefault: /g, 'por defecto: ');
      },
    });
    for (const sub of command.commands) walk(sub);
  };
  walk(program);
  program.helpCommand('help [command]', 'muestra la ayuda de una orden');
  return missing;
}
