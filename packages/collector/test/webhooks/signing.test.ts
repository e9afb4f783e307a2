import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isNonPublicAddress, refusedAddresses } from '../../src/webhooks/address-guard.ts';
import { nextRetryDelay, RETRY_DELAYS_MS } from '../../src/webhooks/retry-schedule.ts';
import { generateSecret, signMessage, webhookHeaders } from '../../src/webhooks/signing.ts';
import { sendWebhook } from '../../src/webhooks/webhook-sender.ts';
import { startReceiver } from './receiver.ts';

/** The Standard Webhooks check, written independently of the code under test. */
function independentSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.split('_')[1], 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

describe('Standard Webhooks signing', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateSecret()).not.toBe(secret);
  });

  it.each([
    { id: 'msg_1', timestamp: 1_700_000_000, body: '{"type":"loop.opened"}' },
    { id: 'msg_ü', timestamp: 0, body: '{"comment":"café ☕ \\n line"}' },
    { id: 'msg_2', timestamp: 1_893_456_000, body: '' },
  ])('signs $id the way an independent HMAC does', ({ id, timestamp, body }) => {
    const secret = generateSecret();
    expect(signMessage(secret, id, timestamp, body)).toBe(independentSignature(secret, id, String(timestamp), body));
    const headers = webhookHeaders(secret, id, timestamp, body);
    expect(headers).toMatchObject({ 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'content-type': 'application/json' });
    expect(headers['webhook-signature']).toBe(independentSignature(secret, id, String(timestamp), body));
  });

  it('matches the Standard Webhooks reference vector', () => {
    // From the specification's reference libraries' tests.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signMessage(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});

describe('address guard', () => {
  it.each([
    ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.32.0.1', false], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['224.0.0.1', true], ['8.8.8.8', false],
    ['93.184.216.34', false], ['::1', true], ['::', true], ['fd00::1', true], ['fe80::1', true], ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true], ['::ffff:8.8.8.8', false], ['64:ff9b::10.0.0.1', true], ['2606:4700:4700::1111', false], ['not-an-ip', true],
    // Every spelling of loopback and private IPv4 inside IPv6, as written and as Node's URL parser rewrites them.
    ['64:ff9b::127.0.0.1', true], ['64:ff9b::7f00:1', true], ['::127.0.0.1', true], ['::7f00:1', true], ['0:0:0:0:0:0:7f00:1', true],
    ['::ffff:0:127.0.0.1', true], ['::ffff:0:7f00:1', true], ['0:0:0:0:0:ffff:7f00:0001', true], ['::ffff:a9fe:a9fe', true],
    ['64:ff9b::a00:1', true], ['64:ff9b::c0a8:101', true], ['64:ff9b:1::7f00:1', true], ['64:ff9b:1::808:808', true],
    ['2002:7f00:1::', true], ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true], ['fec0::1', true], ['fe80::1%eth0', true], ['0::0:1', true],
    ['2001:db8::1', true], ['100::1', true], ['ff02::1', true],
    // Public addresses, also when NAT64 (DNS64 on an IPv6-only host) or IPv4-mapped carries them.
    ['64:ff9b::808:808', false], ['64:ff9b::8.8.8.8', false], ['::ffff:93.184.216.34', false], ['2a00:1450:4001:82a::200e', false],
    ['192.88.99.1', true], ['198.18.0.1', true], ['255.255.255.255', true], ['192.0.0.170', true],
  ])('%s is non-public: %s', (address, expected) => {
    expect(isNonPublicAddress(address as string)).toBe(expected);
  });

  it('refuses unless the operator allows private targets', () => {
    expect(refusedAddresses(['8.8.8.8', '10.0.0.1'], false)).toContain('10.0.0.1');
    expect(refusedAddresses(['8.8.8.8', '10.0.0.1'], true)).toBeNull();
    expect(refusedAddresses(['8.8.8.8'], false)).toBeNull();
  });

  it('does not even connect to a loopback address when private targets are not allowed', async () => {
    expect(await sendWebhook('http://127.0.0.1:9/', {}, '{}', { allowPrivate: false })).toEqual({ error: expect.stringContaining('private or loopback') });
    expect(await sendWebhook('http://localhost:9/', {}, '{}', { allowPrivate: false })).toEqual({ error: expect.stringContaining('private or loopback') });
  });

  it.each([
    // [base URL, whether the address routes to this machine's loopback (then, allowed, it reaches the receiver)]
    ['http://[64:ff9b::127.0.0.1]', false], ['http://[::127.0.0.1]', false], ['http://[::ffff:0:127.0.0.1]', false],
    ['http://[::ffff:127.0.0.1]', true], ['http://[0:0:0:0:0:ffff:7f00:1]', true], ['http://0x7f.1', true], ['http://2130706433', true],
  ])('refuses %s at delivery without sending a byte to the loopback receiver', async (base, routesToLoopback) => {
    const receiver = await startReceiver();
    const target = `${base}:${new URL(receiver.url).port}/hooks`;
    expect(await sendWebhook(target, {}, '{}', { allowPrivate: false })).toEqual({ error: expect.stringContaining('private or loopback') });
    expect(receiver.received).toHaveLength(0);
    // Where the address does reach the receiver, allowing private targets delivers: the refusal above was the guard's.
    if (routesToLoopback) expect(await sendWebhook(target, {}, '{}', { allowPrivate: true })).toEqual({ status: 200 });
  });
});

describe('retry schedule', () => {
  it('backs off exponentially for more than a day, then gives up', () => {
    const delays = RETRY_DELAYS_MS.map((_, index) => nextRetryDelay(index + 1)!);
    expect(delays.every((delay, index) => index === 0 || delay >= delays[index - 1])).toBe(true);
    expect(delays.reduce((sum, delay) => sum + delay, 0)).toBeGreaterThan(24 * 3_600_000);
    expect(nextRetryDelay(RETRY_DELAYS_MS.length + 1)).toBeNull();
  });
});
