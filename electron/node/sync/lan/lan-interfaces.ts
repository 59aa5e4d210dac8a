import { networkInterfaces } from 'node:os';

export interface LanInterface {
  name: string;
  address: string;
}

/**
 * The addresses a host could listen on: IPv4, not loopback. The user picks one (a laptop on
 * hotel Wi-Fi and a phone hotspot has two); the listener never binds every interface.
 */
export function lanInterfaces(): LanInterface[] {
  const found: LanInterface[] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) found.push({ name, address: entry.address });
    }
  }
  return found;
}
