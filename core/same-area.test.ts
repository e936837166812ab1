import { describe, expect, it } from 'vitest';
import { inArea } from './same-area.js';

describe('inArea', () => {
  it('passes a record of the actor’s area and answers any other as not found', () => {
    const record = { id: 'm', areaId: 'north' };
    expect(inArea(record, { areaId: 'north' })).toBe(record);
    expect(() => inArea(record, { areaId: 'south' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => inArea(null, { areaId: 'north' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
