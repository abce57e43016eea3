export interface ApiKeysTable {
  id: string;
  provider_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface WebhookEndpointsTable {
  id: string;
  /** Null for a ministry endpoint: it receives the platform's events that concern no provider (permits). */
  provider_id: string | null;
  url: string;
  secret: string;
  events: string[];
  created_by: string;
  created_at: Date;
  disabled_at: Date | null;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: number;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

export interface WebhookCursorTable {
  id: number;
  last_event_id: number;
}

// This module's tables, in the one Kysely view of the database (declaration merging; src/db/schema.ts).
declare module '../../db/schema.ts' {
  interface Database {
    api_keys: ApiKeysTable;
    webhook_endpoints: WebhookEndpointsTable;
    webhook_deliveries: WebhookDeliveriesTable;
    webhook_cursor: WebhookCursorTable;
  }
}
