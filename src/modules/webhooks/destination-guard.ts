import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

export interface DestinationPolicy {
  /** Allow every special-purpose address (a receiver on the same private network). */
  allowPrivateNetworks: boolean;
  /** Addresses or CIDR ranges allowed even though they are special-purpose, e.g. `10.1.2.0/24`. */
  allowedNetworks: string[];
}

/** Refuses every loopback, private, link-local, multicast and other special-purpose destination. */
export const DEFAULT_DESTINATION_POLICY: DestinationPolicy = { allowPrivateNetworks: false, allowedNetworks: [] };

/** A delivery refused before any connection: the destination is an internal address. */
export class DestinationRefusedError extends Error {
  readonly code = 'EDESTINATIONREFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'DestinationRefusedError';
  }
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Throws on an entry that is neither an address nor a CIDR range (checked at start-up). */
export function parseNetworks(entries: string[]): Cidr[] {
  return entries.map((entry) => {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    const address = ipaddr.process(entry);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Decides on the address actually connected to: literal IPs directly, host names through a DNS
 * `lookup` handed to the HTTP client, so a name that resolves to 127.0.0.1 is refused as well.
 */
export class DestinationGuard {
  private readonly allowed: Cidr[];

  constructor(private readonly policy: DestinationPolicy = DEFAULT_DESTINATION_POLICY) {
    this.allowed = parseNetworks(policy.allowedNetworks);
  }

  /** Why `address` may not be contacted, or undefined when it may. */
  refusal(address: string): string | undefined {
    if (this.policy.allowPrivateNetworks) return undefined;
    if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
    // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it stands for.
    const ip = ipaddr.process(address);
    const range = ip.range();
    if (range === 'unicast') return undefined;
    if (this.allowed.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return undefined;
    return `${address} is a ${range} address`;
  }

  /** A `lookup` for http.request: resolves, then drops refused addresses; none left is an error. */
  readonly lookup = (hostname: string, options: LookupAllOptions | { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const usable = addresses.filter((a) => this.refusal(a.address) === undefined);
      if (usable.length === 0) {
        const reason = addresses.length > 0 ? this.refusal(addresses[0].address) : 'no address';
        return callback(new DestinationRefusedError(`destination refused: ${hostname} resolves to ${reason}`), []);
      }
      if (options.all) return callback(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
}
