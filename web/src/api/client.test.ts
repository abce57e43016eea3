import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientTypes, clientTypesFile } from '../../../scripts/web-client.ts';

describe('the web client generated from the OpenAPI document', () => {
  it('is what the server documents now (run `npm run client` after changing a route or a schema)', async () => {
    expect(fs.readFileSync(clientTypesFile, 'utf8') === (await clientTypes())).toBe(true);
  }, 60_000);
});
