import { embeddedSettings } from '../embedded-postgres.js';

describe('EMBEDDED_PG_SETTINGS', () => {
  it('reads name=value pairs separated by spaces or commas', () => {
    expect(embeddedSettings(' fsync=off,full_page_writes=off  shared_buffers=256MB ')).toEqual([
      'fsync=off',
      'full_page_writes=off',
      'shared_buffers=256MB',
    ]);
    expect(embeddedSettings('')).toEqual([]);
  });

  it('refuses what is not a setting, naming it, instead of handing it to postgres', () => {
    expect(() => embeddedSettings('fsync=off -D/tmp')).toThrow('"-D/tmp" is not name=value');
    expect(() => embeddedSettings('fsync')).toThrow('"fsync" is not name=value');
  });
});
