export { DocumentText } from './document-text/document-text.js';
export { CustomerForm } from './customer-form/customer-form.js';
export { CategoryPicker } from './category-picker/category-picker.js';
export { CategoryManager } from './category-manager/category-manager.js';
export { RegistrationSettings } from './registration-settings/registration-settings.js';
