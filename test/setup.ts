// Every test process gets the shipped lexicons, as the CLI installs them at start (the core reads no file).
import { installDefaultLexicons } from '../src/io/resources.js';

installDefaultLexicons();
