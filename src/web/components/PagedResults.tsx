import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Paragraph } from "./nlds.js";
import { Pagination } from "./Pagination.js";
import { ProblemAlert } from "./ProblemAlert.js";

interface Page {
  items: unknown[];
  total: number;
}

interface PagedResultsProps<P extends Page> {
  /** The list query: its current page, error and loading state. */
  query: { data?: P | undefined; error: unknown; isPending: boolean };
  /** Shown instead of the query's error, for pages that put field errors next to their filters. */
  error?: unknown;
  /** Names the pagination's page-size field. */
  name: string;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  /** What to say when nothing matches. */
  empty: string;
  /** The table of the current page. */
  children: (page: P) => ReactNode;
}

/** A paged list's body: its error, loading and empty states, the table of the current page and the pagination. */
export function PagedResults<P extends Page>({
  query,
  error = query.error,
  name,
  page,
  pageSize,
  onPageChange,
  onPageSizeChange,
  empty,
  children,
}: PagedResultsProps<P>) {
  const { t } = useTranslation();
  const data = query.data;
  return (
    <>
      <ProblemAlert error={error} />
      {query.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {data && data.items.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      {data && data.items.length > 0 ? (
        <>
          {children(data)}
          <Pagination
            name={name}
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPageChange={onPageChange}
            onPageSizeChange={onPageSizeChange}
          />
        </>
      ) : null}
    </>
  );
}
