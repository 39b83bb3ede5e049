import { Component, type ReactNode } from "react";
import { type WithTranslation, withTranslation } from "react-i18next";

interface State {
  failed: boolean;
}

// A class component: React only catches render errors in error boundaries, which need class lifecycles.
class Boundary extends Component<WithTranslation & { children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    const { t, children } = this.props;
    if (!this.state.failed) return children;
    return (
      <div className="utrecht-alert utrecht-alert--error" role="alert">
        <div className="utrecht-alert__content">
          <p className="utrecht-alert__message">{t("problems.crashed")}</p>
          <p>
            <a href="/" className="nl-link">
              {t("notFound.home")}
            </a>
          </p>
        </div>
      </div>
    );
  }
}

/** Shows a readable message instead of a blank page when a page fails to render. */
export const ErrorBoundary = withTranslation()(Boundary);
