import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../core/errors.ts';

/**
 * Where a platform adapter may download a shared file from: the platform's own file hosts and the
 * configured API host, nothing else, and — after DNS — never a private, loopback or link-local
 * address unless it is that configured host (a proxy or a test double). Every hop of a redirect is
 * checked again. A refusal is `download.refused`: permanent, so the queue never retries it.
 */

export type Lookup = (host: string) => Promise<string[]>;

const systemLookup: Lookup = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

// Addresses a file on the public internet never has: the cloud metadata service (169.254.169.254),
// the host itself, the LAN, carrier-grade NAT, multicast, and their IPv6 counterparts.
const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  internal.addSubnet(net, bits, 'ipv6');

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // ::ffff:10.0.0.1 is 10.0.0.1.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return internal.check(mapped, 'ipv4');
    return internal.check(address, 'ipv6');
  }
  return internal.check(address, 'ipv4');
}

const refused = (message: string, details?: Record<string, unknown>) =>
  new AppError('download.refused', message, details ? { details } : undefined);

export interface DownloadPolicy {
  /** Host names (and their subdomains) the platform serves files from, over https only. */
  hosts: readonly string[];
  /** The configured API origin (SLACK_API_URL, a Graph or connector override): allowed as is, any scheme and address. */
  apiOrigins: readonly string[];
  lookup?: Lookup;
}

export function hostAllowed(url: URL, policy: DownloadPolicy): boolean {
  if (policy.apiOrigins.includes(url.origin)) return true;
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  return policy.hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Throws `download.refused` unless `url` may be fetched under `policy`; resolves the name to check where it points. */
export async function assertDownloadAllowed(url: URL, policy: DownloadPolicy, platform: string): Promise<void> {
  if (!hostAllowed(url, policy))
    throw refused(`MarginIQ downloads files only from ${platform}'s own file hosts; this one pointed elsewhere.`, {
      host: url.hostname,
    });
  if (policy.apiOrigins.includes(url.origin)) return;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (policy.lookup ?? systemLookup)(host);
  } catch (err) {
    // A name that does not resolve now is a network problem, which a retry may fix.
    throw new AppError('download.failed', `${platform}'s file host could not be resolved; MarginIQ will try again.`, {
      cause: err,
    });
  }
  if (addresses.length === 0 || addresses.some(isInternalAddress))
    throw refused(`${platform}'s file address points inside the network; MarginIQ does not fetch it.`, {
      host: url.hostname,
      addresses,
    });
}
