import { decodeView, encodeView, SAFE_URL_LENGTH, RESERVED_KEYS, type ViewState } from './urlCodec.ts';
import type { UrlPart } from './urlPart.ts';

/** The Workbench side of the view: panel, language and SQL (read reactively), and how to apply them. */
export interface ViewHost {
  core(): Omit<ViewState, 'parts'>;
  applyCore(view: ViewState, cause: 'popstate' | 'file'): void;
}

/** Quiet time before the URL follows an edit: typing SQL must not flood the browser's history API. */
const DEBOUNCE_MS = 250;

/**
 * Keeps the URL in step with the view: a registry of UrlParts, debounced replaceState (pushState
 * when the panel changes, so Back returns to it), restore on popstate and from view files.
 */
export class UrlState {
  private parts = $state.raw<UrlPart[]>([]);
  /**
   * Values of parts not registered now: from the URL until their panel registers them, and the last
   * snapshot of parts that unregistered (their panel closed). The link keeps them either way.
   */
  private retained: Record<string, unknown> = {};
  /** length of the full link */
  #length = $state(0);
  readonly #tooLong = $derived(this.#length > SAFE_URL_LENGTH);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastPanel: string | undefined;
  private stopEffect: (() => void) | null = null;

  constructor(private readonly host: ViewHost, search: string) {
    this.retained = { ...decodeView(search).parts };
  }

  get length(): number {
    return this.#length;
  }
  get tooLong(): boolean {
    return this.#tooLong;
  }

  /** Adds a part and restores it from the current URL. Returns a function that unregisters it. */
  register(part: UrlPart): () => void {
    if (RESERVED_KEYS.has(part.key)) throw new Error(`UrlPart key "${part.key}" is reserved`);
    if (this.parts.some((p) => p.key === part.key)) throw new Error(`UrlPart "${part.key}" is already registered`);
    const value = this.retained[part.key];
    delete this.retained[part.key];
    safeRestore(part, value);
    this.parts = [...this.parts, part];
    return () => {
      this.retained[part.key] = safeSnapshot(part);
      this.parts = this.parts.filter((p) => p !== part);
    };
  }

  /** The whole view as it is now (reactive: reads every part's state). */
  current(): ViewState {
    const parts: Record<string, unknown> = { ...this.retained };
    for (const p of this.parts) parts[p.key] = safeSnapshot(p);
    return { ...this.host.core(), parts };
  }

  /** The link to the current view. */
  href(): string {
    const qs = encodeView(this.current());
    return `${location.origin}${location.pathname}${qs ? `?${qs}` : ''}`;
  }

  /** Starts following the view; call once, after the initial view was applied. */
  start(): void {
    this.lastPanel = this.host.core().panel;
    this.stopEffect = $effect.root(() => {
      $effect(() => {
        this.current();
        this.schedule();
      });
    });
    addEventListener('popstate', this.onPopState);
    addEventListener('pagehide', this.flush);
  }

  stop(): void {
    this.stopEffect?.();
    removeEventListener('popstate', this.onPopState);
    removeEventListener('pagehide', this.flush);
  }

  /** Writes the URL soon; for parts whose state is not reactive. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(), DEBOUNCE_MS);
  }

  /** Writes the URL now. */
  write(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const view = this.current();
    const qs = encodeView(view);
    const search = qs ? `?${qs}` : '';
    const url = `${location.pathname}${search}`;
    this.#length = location.origin.length + url.length;
    if (search === location.search) return;
    if (view.panel !== this.lastPanel) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    this.lastPanel = view.panel;
  }

  /** Applies a whole view (from a view file, or the URL after Back/Forward). */
  apply(view: ViewState, cause: 'popstate' | 'file'): void {
    this.host.applyCore(view, cause);
    for (const p of this.parts) safeRestore(p, view.parts[p.key]);
    const registered = new Set(this.parts.map((p) => p.key));
    this.retained = Object.fromEntries(Object.entries(view.parts).filter(([k]) => !registered.has(k)));
    this.lastPanel = view.panel ?? this.host.core().panel;
    if (cause === 'file') this.write();
  }

  /** A pending change is written when the page goes away, so that the session history keeps it. */
  private flush = () => {
    if (this.timer) this.write();
  };

  private onPopState = () => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.apply(decodeView(location.search), 'popstate');
  };
}

function safeSnapshot(p: UrlPart): unknown {
  try {
    return p.snapshot();
  } catch {
    return undefined;
  }
}

function safeRestore(p: UrlPart, value: unknown): void {
  try {
    p.restore(value);
  } catch {
    // a part must not break the link for the others
  }
}
