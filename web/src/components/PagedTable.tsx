import { useCallback, useEffect, useState, type ReactNode } from "react";
import { ApiError } from "../api/client";
import { ErrorMessage, Loading } from "./Status";
import { ScrollBox } from "./ScrollBox";

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

/** The first page is read on mount; "Load more" reads the next (`cursor` = the last page's `next_cursor`). */
export function PagedTable<T>({
  caption,
  what,
  load,
  columns,
  empty,
}: {
  caption: string;
  what: string;
  load: (cursor: number | string | null) => Promise<{ items: T[]; next_cursor: number | string | null }>;
  columns: Column<T>[];
  empty: string;
}) {
  const [rows, setRows] = useState<T[]>([]);
  const [next, setNext] = useState<number | string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const read = useCallback(
    async (cursor: number | string | null, isCurrent: () => boolean) => {
      setLoading(true);
      setError(null);
      try {
        const page = await load(cursor);
        if (isCurrent()) {
          setRows((before) => (cursor === null ? page.items : [...before, ...page.items]));
          setNext(page.next_cursor);
        }
      } catch (e) {
        if (isCurrent()) {
          setError(e instanceof ApiError ? e : new ApiError("failed", String(e)));
        }
      } finally {
        if (isCurrent()) {
          setLoading(false);
        }
      }
    },
    [load],
  );

  useEffect(() => {
    let current = true;
    void read(null, () => current);
    return () => {
      current = false;
    };
  }, [read]);

  return (
    <section className="paged" aria-label={caption}>
      <ScrollBox label={`${caption}: table`}>
        <table className="runs">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.header} scope="col" className={column.numeric ? "number" : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((column) => (
                  <td key={column.header} className={column.numeric ? "number" : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {!loading && !error && rows.length === 0 && <p className="hint">{empty}</p>}
      {loading && <Loading what={what} />}
      {error && <ErrorMessage error={error} />}
      {!loading && next !== null && (
        <button type="button" onClick={() => void read(next, () => true)}>
          Load more {what}
        </button>
      )}
    </section>
  );
}
