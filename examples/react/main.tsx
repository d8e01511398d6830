// A small admin page in React 19 with the typed wrappers of `@clientela/elements/react`: the
// customer table, and the customer form in a <dialog> (new customer from the header button, or
// the customer a row opens). Events arrive as typed callbacks (`onCustomerOpen`,
// `onCustomerSaved`); refs reach the elements' methods.
import { customerDisplayName } from '@clientela/core/format';
import type { CustomerOpenEvent, CustomerSavedEvent } from '@clientela/elements/events';
import { CustomerForm, CustomerTable } from '@clientela/elements/react';
import { StrictMode, useMemo, useRef, useState, type ComponentRef } from 'react';
import { createRoot } from 'react-dom/client';
import { adminClient } from '../admin-client.js';

type Editing = { id?: string } | undefined;

function CustomerDialog({ editing, client, onClose, onSaved }: { editing: Editing; client: ReturnType<typeof adminClient>; onClose: () => void; onSaved: (event: CustomerSavedEvent) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // showModal() once the dialog is in the document: focus moves in and Escape closes it.
  const open = editing !== undefined;
  const ref = (node: HTMLDialogElement | null) => {
    dialog.current = node;
    if (node && open && !node.open) node.showModal();
  };
  if (!open) return null;
  const title = editing.id ? 'Editar cliente' : 'Novo cliente';
  return (
    <dialog ref={ref} aria-labelledby="customer-dialog-title" onClose={onClose}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem', marginBottom: '0.75rem' }}>
        <h2 id="customer-dialog-title" style={{ margin: 0 }}>
          {title}
        </h2>
        <button type="button" style={{ minHeight: 44, padding: '0 1rem', font: 'inherit' }} onClick={() => dialog.current?.close()}>
          Fechar
        </button>
      </div>
      <CustomerForm client={client} mode="admin" customerId={editing.id ?? ''} allowCreateCategory onCustomerSaved={onSaved} />
    </dialog>
  );
}

function App() {
  const client = useMemo(() => adminClient(), []);
  const table = useRef<ComponentRef<typeof CustomerTable>>(null);
  const [editing, setEditing] = useState<Editing>(undefined);
  const [status, setStatus] = useState('');

  const onCustomerOpen = (event: CustomerOpenEvent) => setEditing({ id: event.detail.id });
  const onCustomerSaved = (event: CustomerSavedEvent) => {
    const { customer, created } = event.detail;
    setStatus(`${created ? 'Cliente cadastrado' : 'Alterações salvas'}: ${customerDisplayName(customer)}`);
    setEditing(undefined);
    table.current?.refresh();
  };

  return (
    <>
      <header className="page-header">
        <h1>Clientes (React)</h1>
        <nav className="actions" aria-label="Ações">
          <button type="button" id="new-customer" className="primary" onClick={() => setEditing({})}>
            + Novo cliente
          </button>
        </nav>
      </header>
      <main id="main">
        <p role="status" style={{ margin: "0 0 0.5rem", minHeight: "1.5em" }}>
          {status}
        </p>
        <CustomerTable ref={table} client={client} storageKey="clientela-react-columns" onCustomerOpen={onCustomerOpen} style={{ ['--cl-customer-table-height' as string]: 'calc(100vh - 140px)' }} />
      </main>
      <CustomerDialog editing={editing} client={client} onClose={() => setEditing(undefined)} onSaved={onCustomerSaved} />
    </>
  );
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
