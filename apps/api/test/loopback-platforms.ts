import { AddressPolicy } from '../src/common/net/address-policy.js';

/**
 * Preloaded (`--import`) into an API process a test starts, whose 钉钉/企业微信 stand-ins listen on this
 * machine's loopback interface: there, and only there, every address policy also allows loopback. No
 * configuration can do this; only a test's command line.
 */
const loopback = AddressPolicy.forTestsOnLoopback();
const allows = AddressPolicy.prototype.allows;
AddressPolicy.prototype.allows = function (this: AddressPolicy, address: string): boolean {
  return allows.call(loopback, address) || allows.call(this, address);
};
