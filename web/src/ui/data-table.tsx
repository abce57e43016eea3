import type { ReactNode } from 'react';
import { ScrollBox } from './scroll-box.tsx';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The row's heading cell (read first on a phone card). */
  rowHeader?: boolean;
}

/**
 * A table on a wide screen, a card per row on a phone (each cell labelled by
 * its column), so a 360-px page never scrolls sideways; on a wide screen a
 * table wider than its card scrolls inside its own box.
 */
export function DataTable<T>({ caption, columns, rows, rowKey, empty }: { caption?: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; empty?: ReactNode }) {
  if (rows.length === 0 && empty) return <>{empty}</>;
  return (
    <ScrollBox label={caption ?? columns.map((c) => c.header).join(', ')}>
      <table className="responsive">
        {caption && <caption>{caption}</caption>}
        <thead><tr>{columns.map((c) => <th scope="col" key={c.key}>{c.header}</th>)}</tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (c.rowHeader
                ? <th scope="row" key={c.key}>{c.cell(row)}</th>
                : <td key={c.key} data-label={c.header}>{c.cell(row)}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
