import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { Heading } from "./nlds.js";

// The path whose heading last took focus; null until the first page has rendered.
let handledPath: string | null = null;

interface PageHeadingProps {
  /** Visible h1 text. */
  children: string;
  /** Text for document.title when it should differ from the h1 (e.g. a generic word while loading). */
  documentTitle?: string;
}

/** The page's single h1: sets document.title and takes focus after an in-app navigation. */
export function PageHeading({ children, documentTitle }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const title = documentTitle ?? children;

  useEffect(() => {
    document.title = t("app.documentTitle", { page: title });
  }, [t, title]);

  useEffect(() => {
    if (handledPath === pathname) return;
    const isFirstPage = handledPath === null;
    handledPath = pathname;
    // On the first load the browser starts at the top already; after navigation, screen reader and
    // keyboard users need to land on the new content instead of on the link they used.
    if (!isFirstPage) ref.current?.focus();
  }, [pathname]);

  return (
    <Heading level={1} ref={ref} tabIndex={-1} className="nv-page-heading">
      {children}
    </Heading>
  );
}
