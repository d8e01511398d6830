export { DocumentText } from './document-text/document-text.js';
