import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children when they throw; receives the error message. */
  fallback: (message: string, retry: () => void) => ReactNode;
  children: ReactNode;
}

/** Keeps one failing part (a data file, the map) from blanking the whole page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('atlas: a part of the page failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      const message = this.state.error.message || String(this.state.error);
      return this.props.fallback(message, () => this.setState({ error: null }));
    }
    return this.props.children;
  }
}
