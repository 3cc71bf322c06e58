/**
 * The proxy-object model of the fake, after Office.js: a proxy queues actions on its request context; nothing
 * reaches the workbook until `context.sync()`; a property can be read only after `load` and a sync (else it throws
 * PropertyNotLoaded, as Office.js does); an object found by name is bound to the workbook object when the sync that
 * first uses it runs, so a later rename does not lose it.
 */
import type { LoadNames } from "../excelApi";
import { FakeOfficeError, errorCodes } from "./fakeOfficeError";

/** What a queued load produces when its sync runs: the data sent back, and how the proxies take it in. */
export interface Snapshot {
  readonly data: unknown;
  commit(): void;
}

/** One queued action: what goes over the wire (measured), and what it does when the sync runs. */
export interface QueuedAction {
  readonly request: unknown;
  /** The ExcelApi requirement set version the action needs ("1.9"). */
  readonly requires?: string;
  run(): Snapshot | undefined;
}

/** What a proxy needs from its request context. */
export interface ActionQueue {
  enqueue(action: QueuedAction): void;
  /** Called by actions that suspend calculation or screen updating for the running sync. */
  markSuspended(what: "calculation" | "screenUpdating"): void;
  readonly maxReadCells: number;
}

export function splitLoadNames(names: LoadNames): string[] {
  const list = typeof names === "string" ? names.split(",") : names;
  const paths = list.map((name) => name.trim()).filter((name) => name !== "");
  if (paths.length === 0) throw new FakeOfficeError(errorCodes.invalidArgument, "load() needs property names");
  return paths;
}

export abstract class FakeClientObject {
  private readonly loadedValues = new Map<string, unknown>();

  constructor(
    protected readonly queue: ActionQueue,
    readonly path: string,
  ) {}

  /** A loaded property, or PropertyNotLoaded. */
  protected loaded<T>(property: string): T {
    if (!this.loadedValues.has(property)) {
      throw new FakeOfficeError(
        errorCodes.propertyNotLoaded,
        `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${this.path})`,
      );
    }
    return this.loadedValues.get(property) as T;
  }

  /** For collections: items are taken in as loaded values too. */
  protected setLoaded(property: string, value: unknown): void {
    this.loadedValues.set(property, value);
  }

  protected enqueueSet(property: string, value: unknown, apply: () => void, requires?: string): void {
    this.queue.enqueue({
      request: { o: this.path, set: property, v: value },
      ...(requires !== undefined ? { requires } : {}),
      run: () => {
        apply();
        return undefined;
      },
    });
  }

  protected enqueueCall(method: string, args: readonly unknown[], apply: () => void, requires?: string): void {
    this.queue.enqueue({
      request: { o: this.path, call: method, a: args },
      ...(requires !== undefined ? { requires } : {}),
      run: () => {
        apply();
        return undefined;
      },
    });
  }

  protected enqueueLoad(names: LoadNames): void {
    const paths = splitLoadNames(names);
    this.queue.enqueue({ request: { o: this.path, load: paths }, run: () => this.snapshot(paths) });
  }

  /**
   * Reads the requested properties now (during the sync). `a/b` loads `b` of the navigation property `a`.
   * Subclasses with null objects or collections override this.
   */
  snapshot(paths: readonly string[]): Snapshot {
    const own: Array<[string, unknown]> = [];
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (head === undefined) continue;
      if (rest.length > 0) nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
      else own.push([head, this.currentValue(head)]);
    }
    const children: Array<[string, Snapshot]> = [...nested].map(([name, subPaths]) => [name, this.navigation(name).snapshot(subPaths)]);
    return {
      data: Object.fromEntries([...own, ...children.map(([name, child]) => [name, child.data] as [string, unknown])]),
      commit: () => {
        for (const [name, value] of own) this.loadedValues.set(name, value);
        for (const [, child] of children) child.commit();
      },
    };
  }

  /** The value of a scalar property as the workbook holds it right now. */
  protected abstract currentValue(property: string): unknown;

  /** A navigation property (an object), for loads like "worksheet/name". */
  protected navigation(name: string): FakeClientObject {
    throw new FakeOfficeError(errorCodes.invalidArgument, `'${name}' is not a navigation property of ${this.path}`);
  }
}

export function unknownProperty(path: string, property: string): FakeOfficeError {
  return new FakeOfficeError(errorCodes.invalidArgument, `'${property}' is not a property of ${path} (or not modelled by the fake)`);
}

/** A property that can be written but that the fake never lets the adapter read back. */
export function writeOnly(path: string, property: string): FakeOfficeError {
  return new FakeOfficeError(errorCodes.propertyNotLoaded, `The property '${property}' is not available (${path}); the fake models it as write-only`);
}
