export { escapeHtml, Html, markup } from './lib/markup';
