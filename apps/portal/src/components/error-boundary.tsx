import { Component, type ReactNode } from 'react';
import { t } from '../i18n';
import { Notice } from './notice';

/**
 * A page that fails to render says so in words and offers a reload, instead of leaving a blank
 * screen; the rest of the portal (menu, other pages) keeps working. Keyed by the route, so moving to
 * another page starts afresh.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('page failed to render', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Notice tone="error" title={t.common.error}>
        <button type="button" onClick={() => location.reload()}>
          {t.common.refresh}
        </button>
      </Notice>
    );
  }
}
