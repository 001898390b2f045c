import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../../src/lib/common/json-script.ts';

describe('jsonForScript', () => {
  it('cannot close its script element, and parses back to the same value', () => {
    const value = { text: 'Đảng uỷ </script><script>alert(1)</script>' };
    const json = jsonForScript(value);
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toEqual(value);
  });
});
