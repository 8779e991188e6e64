import { z } from 'zod';
import type {
  AgencyConfig,
  CounterConfig,
  DisplayConfig,
  HallInfo,
  HolidayConfig,
  ServicePackageConfig,
  KioskConfig,
  QueueConfig,
  ServiceConfig,
} from './hall-config.js';
import {
  agencyConfig,
  counterConfig,
  displayConfig,
  hallConfig,
  hallInfo,
  holidayConfig,
  kioskConfig,
  queueSettings,
  serviceConfig,
  servicePackageConfig,
} from './hall-config.js';

/**
 * The changes an admin makes to the hall config, one item at a time: the commands of config as data. The
 * hub decides them (`config-engine.ts`), logs each as a `ConfigChanged` event, and every client applies the
 * same change to its copy with `applyConfigChange`, so that a kiosk shows a new service without a reload.
 */

/** The lists of the hall config an admin edits item by item. */
export const CONFIG_ITEM_KINDS = [
  'agency',
  'service',
  'counter',
  'kiosk',
  'display',
  'holiday',
  'package',
] as const;
export type ConfigItemKind = (typeof CONFIG_ITEM_KINDS)[number];

export const configItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agency'), value: agencyConfig }),
  z.strictObject({ kind: z.literal('service'), value: serviceConfig }),
  z.strictObject({ kind: z.literal('counter'), value: counterConfig }),
  z.strictObject({ kind: z.literal('kiosk'), value: kioskConfig }),
  z.strictObject({ kind: z.literal('display'), value: displayConfig }),
  z.strictObject({ kind: z.literal('holiday'), value: holidayConfig }),
  z.strictObject({ kind: z.literal('package'), value: servicePackageConfig }),
]);
export type ConfigItem = z.infer<typeof configItemSchema>;

export type HallSettings = z.infer<typeof queueSettings>;

/**
 * An imported config: the hall config file's format. Its `staff` are not config (see `staff-change.ts`): they
 * are dropped before the file is checked, so an export (which holds no staff) imports as it is.
 */
const importedConfig = z.preprocess(
  (file) => (isRecord(file) ? { ...file, staff: [] } : file),
  hallConfig.transform(({ staff: _staff, $schema: _schema, ...config }) => config),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const configChangeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('add'), item: configItemSchema }),
  /** Replaces the item with the same id (a holiday's id is its date); ids never change. */
  z.strictObject({ type: z.literal('update'), item: configItemSchema }),
  z.strictObject({
    type: z.literal('remove'),
    kind: z.enum(CONFIG_ITEM_KINDS),
    id: z.string().min(1).max(64),
  }),
  z.strictObject({ type: z.literal('setHall'), hall: hallInfo }),
  z.strictObject({ type: z.literal('setSettings'), settings: queueSettings }),
  /** The whole config at once, in the file's format (`HALL_CONFIG`); staff accounts are left as they are. */
  z.strictObject({ type: z.literal('import'), config: importedConfig }),
]);
export type ConfigChange = z.infer<typeof configChangeSchema>;
export type ConfigChangeInput = z.input<typeof configChangeSchema>;

/** A config change as a client sends it: with the config version its author last saw. */
export const configChangeRequestSchema = z.strictObject({
  /** Made by the client (a UUID); a repeat gets the first answer and changes nothing. */
  commandId: z.string().min(8).max(64),
  /** The config version the form was filled in on: a change made since to the same item refuses this one. */
  expectedVersion: z.number().int().min(0),
  change: z.unknown(),
});
export type ConfigChangeRequest = Omit<z.infer<typeof configChangeRequestSchema>, 'change'> & {
  change: ConfigChangeInput;
};

/** What a change replaced or became: an item, the hall, the settings, or (an import) the whole config. */
export type ConfigSubject =
  | AgencyConfig
  | ServiceConfig
  | CounterConfig
  | KioskConfig
  | DisplayConfig
  | HolidayConfig
  | ServicePackageConfig
  | HallInfo
  | HallSettings
  | QueueConfig;

type ItemValue<K extends ConfigItemKind> = Extract<ConfigItem, { kind: K }>['value'];

const LIST_OF = {
  agency: 'agencies',
  service: 'services',
  counter: 'counters',
  kiosk: 'kiosks',
  display: 'displays',
  holiday: 'holidays',
  package: 'packages',
} as const satisfies Record<ConfigItemKind, keyof QueueConfig>;

/** The items of one kind in a config. */
export function itemsOf<K extends ConfigItemKind>(config: QueueConfig, kind: K): readonly ItemValue<K>[] {
  return config[LIST_OF[kind]] as unknown as readonly ItemValue<K>[];
}

/** An item's id: its `id`, or a holiday's date. */
export function itemId(item: ConfigItem): string {
  return item.kind === 'holiday' ? item.value.date : item.value.id;
}

export function findItem<K extends ConfigItemKind>(
  config: QueueConfig,
  kind: K,
  id: string,
): ItemValue<K> | undefined {
  return itemsOf(config, kind).find((v) => idOf(kind, v) === id);
}

function idOf(kind: ConfigItemKind, value: unknown): string {
  return kind === 'holiday' ? (value as HolidayConfig).date : (value as { id: string }).id;
}

/**
 * The name a change's subject goes by in the version check and the audit trail: `service:ktp`, `hall`,
 * `settings`, or `*` for an import, which touches everything.
 */
export function changeSubjectKey(change: ConfigChange): string {
  switch (change.type) {
    case 'add':
    case 'update':
      return itemKey(change.item.kind, itemId(change.item));
    case 'remove':
      return itemKey(change.kind, change.id);
    case 'setHall':
      return 'hall';
    case 'setSettings':
      return 'settings';
    case 'import':
      return '*';
  }
}

export function itemKey(kind: ConfigItemKind | 'staff', id: string): string {
  return `${kind}:${id}`;
}

/** What the change's subject was before it, in `config`; null for an item that did not exist. */
export function subjectBefore(config: QueueConfig, change: ConfigChange): ConfigSubject | null {
  switch (change.type) {
    case 'add':
    case 'update':
      return findItem(config, change.item.kind, itemId(change.item)) ?? null;
    case 'remove':
      return findItem(config, change.kind, change.id) ?? null;
    case 'setHall':
      return config.hall;
    case 'setSettings':
      return config.settings;
    case 'import':
      return withoutStaff(config);
  }
}

/** What the change's subject becomes; null for a removed item. */
export function subjectAfter(change: ConfigChange): ConfigSubject | null {
  switch (change.type) {
    case 'add':
    case 'update':
      return change.item.value;
    case 'remove':
      return null;
    case 'setHall':
      return change.hall;
    case 'setSettings':
      return change.settings;
    case 'import':
      return change.config;
  }
}

/**
 * The config with the change made: a new object, the input untouched; anything else the config holds (a
 * client's public staff list) is kept. Makes the change as asked, without judging it: the hub decides first
 * (`decideConfigChange`), and every client then applies the decided change with this same function.
 */
export function applyConfigChange<C extends QueueConfig>(config: C, change: ConfigChange): C {
  switch (change.type) {
    case 'add': {
      const list = LIST_OF[change.item.kind];
      return { ...config, [list]: [...config[list], change.item.value] };
    }
    case 'update': {
      const { kind } = change.item;
      const id = itemId(change.item);
      const list = LIST_OF[kind];
      return {
        ...config,
        [list]: (config[list] as readonly unknown[]).map((v) =>
          idOf(kind, v) === id ? change.item.value : v,
        ),
      };
    }
    case 'remove': {
      const list = LIST_OF[change.kind];
      return {
        ...config,
        [list]: (config[list] as readonly unknown[]).filter((v) => idOf(change.kind, v) !== change.id),
      };
    }
    case 'setHall':
      return { ...config, hall: change.hall };
    case 'setSettings':
      return { ...config, settings: change.settings };
    case 'import':
      return { ...config, ...change.config };
  }
}

/** The config without its staff accounts: what the hub stores as config and an import replaces. */
export function withoutStaff(config: QueueConfig): QueueConfig {
  const { staff: _staff, ...rest } = config as QueueConfig & { staff?: unknown };
  return rest;
}
