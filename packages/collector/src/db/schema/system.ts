/** System tables: API keys, applied migrations, the privacy setting. */

/** `api_keys`: hashed secrets with their scope. */
export interface ApiKeysTable {
  id: string;
  name: string | null;
  scope: 'read' | 'admin';
  secret_hash: string;
  created_at: number;
  last_used_at: number | null;
}

/** `schema_migrations`: the migrations applied, one row each. */
export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

/** `privacy_settings`: one row, the retention period set from the dashboard or the API (migration 8). */
export interface PrivacySettingsTable {
  id: number;
  /** Days comments and personal data are kept; null: kept until erased. */
  retention_days: number | null;
  updated_at: number;
}
