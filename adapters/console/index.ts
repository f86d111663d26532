export { renderAnswerConsole } from './render-answer.js';
export { renderBriefConsole, speakerLine } from './render-brief.js';
export { renderDigestConsole } from './render-digest.js';
export { type ConsoleOptions, terminalSafe, wrap } from './terminal-text.js';
