// The settings' "Unidades" section: <cl-unit-manager> (list, create, rename, inactivate) under the
// registration settings. A unit created or renamed here reaches the table's unit selector and
// the card through the shared client's change feed.
import '@clientela/elements/unit-manager';
import type { ClientelaClient } from '@clientela/core';

/** The units section of the settings dialog. */
export function unitSettings(client: ClientelaClient): HTMLElement {
  const section = document.createElement('section');
  section.id = 'units-settings';
  section.style.cssText = 'margin-top:1.5rem;padding-top:1rem;border-top:1px solid var(--cl-color-border, #c9d1dc)';
  const manager = document.createElement('cl-unit-manager');
  manager.client = client;
  section.append(manager);
  return section;
}
