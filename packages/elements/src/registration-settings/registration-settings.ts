import { RegistrationSettings } from './registration-settings.component.js';

export { RegistrationSettings };

if (!customElements.get('cl-registration-settings')) customElements.define('cl-registration-settings', RegistrationSettings);

declare global {
  interface HTMLElementTagNameMap {
    'cl-registration-settings': RegistrationSettings;
  }
}
