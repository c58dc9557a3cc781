// A rendering error shows a panel with its message and a way back, never a blank window.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Where "Back to the queue" leads; the boundary resets itself after. */
  onReset?: () => void;
  /** Changes of this value reset the boundary (e.g. the filing shown). */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { resetKey: props.resetKey, error: null };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('form4 UI error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="crash" role="alert" data-testid="error-boundary">
        <h2>Something went wrong on this screen</h2>
        <p className="crash-message">{this.state.error.message}</p>
        <div className="crash-actions">
          {this.props.onReset === undefined ? null : (
            <button
              type="button"
              className="button primary"
              onClick={() => {
                this.setState({ error: null });
                this.props.onReset?.();
              }}
            >
              Back to the queue
            </button>
          )}
          <button type="button" className="button" onClick={() => location.reload()}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
